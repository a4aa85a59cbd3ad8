package org.carehotline.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.Contact;
import org.carehotline.cases.IncomingCall;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.carehotline.testing.FakeAmiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The AMI link against the fake Asterisk Manager: presence, call timing, reconnects. */
class AmiLinkTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private RunningHotline hotline;

    private static final int RESTARTS = 6;

    private static String timestamp(Instant at) {
        return String.format("%d.%06d", at.getEpochSecond(), at.getNano() / 1000);
    }

    @Test
    void deviceStateEventsMoveCounselorsInAndOutOfAvailability() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        assertEquals(2, hotline.availableCount());

        hotline.ami.sendEvent("DeviceStateChange", "Device", "PJSIP/6001", "State", "INUSE");
        RunningHotline.awaitCondition("6001 busy", () -> hotline.availableCount() == 1);
        hotline.ami.sendEvent("DeviceStateChange", "Device", "PJSIP/6001", "State", "NOT_INUSE");
        RunningHotline.awaitCondition("6001 free", () -> hotline.availableCount() == 2);
    }

    @Test
    void theLoginAsksOnlyForTheClassesTheServerReadsAndEventsInOrderAreNeverCountedLost() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        Map<String, String> login = hotline.ami.actions().stream()
                .filter(a -> "Login".equalsIgnoreCase(a.get("Action"))).findFirst().orElseThrow();
        assertEquals("call,user,system", login.get("Events"), "no dialplan (Newexten, VarSet) or reporting (RTCP) class");

        List<Map<String, String>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            burst.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/6001",
                    "State", i % 2 == 0 ? "INUSE" : "NOT_INUSE"));
        }
        burst.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/6002", "State", "INUSE"));
        hotline.ami.sendEvents(burst);
        RunningHotline.awaitCondition("the burst's last states applied: 6001 free, 6002 busy", () ->
                hotline.app.router().snapshot().stream().anyMatch(c -> c.counselor().endpoint().equals("PJSIP/6002")
                        && c.state(clock.instant()) != org.carehotline.routing.PresenceState.AVAILABLE)
                        && hotline.availableCount() == 1);
        assertEquals(0, hotline.app.ami().eventsLost());
        assertEquals(0, hotline.app.ami().eventsReordered());
        assertEquals(0, hotline.app.ami().lossResyncs());
    }

    /**
     * A flood past what asterisk-java's pump holds (20,000), of a busy Asterisk's full stream (no
     * mask, no eventfilter, as from a manager.conf without them): what nobody reads is skipped at
     * the socket, the rest arrives whole and in order, so the phones end in their last states.
     */
    @Test
    void aFloodOfABusyAsterisksFullStreamEndsInTheRightStatesWithNothingLost() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        hotline.ami.ignoringEventMasks();
        hotline.ami.dropClients();
        assertTrue(hotline.ami.awaitLoginCount(2, Duration.ofSeconds(10)), "logged in again, now sent everything");
        RunningHotline.awaitCondition("connected", () -> hotline.app.ami().connected());

        org.carehotline.testing.BusyAsteriskStream stream = new org.carehotline.testing.BusyAsteriskStream(60, 50);
        List<Map<String, String>> flood = new java.util.ArrayList<>();
        int usedStates = 0;
        for (int call = 0; call < 300; call++) {
            flood.addAll(stream.call(call));
            for (int i = 0; i < 80; i++) { // and phones that change state all the time
                String state = (call + i) % 2 == 0 ? "INUSE" : "NOT_INUSE";
                flood.add(FakeAmiServer.message("Event", "DeviceStateChange", "Privilege", "call,all",
                        "Device", i % 2 == 0 ? "PJSIP/6001" : "PJSIP/6002", "State", state));
                usedStates++;
            }
        }
        flood.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/6001", "State", "INUSE"));
        flood.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/6002", "State", "NOT_INUSE"));
        assertTrue(usedStates + 300 * stream.usedPerCall() > 20_000, "more used events than the pump's queue holds");
        long skippedBefore = hotline.app.ami().eventsSkipped();
        hotline.ami.sendEvents(flood);

        RunningHotline.awaitCondition("the flood's last states: 6001 busy, 6002 free", () ->
                hotline.app.router().snapshot().stream().anyMatch(c -> c.counselor().endpoint().equals("PJSIP/6001")
                        && c.device() == org.carehotline.routing.DeviceState.INUSE)
                        && hotline.app.router().snapshot().stream().anyMatch(c -> c.counselor().endpoint()
                        .equals("PJSIP/6002") && c.device() == org.carehotline.routing.DeviceState.NOT_INUSE)
                        && hotline.app.ami().eventsSkipped() - skippedBefore == 300L * (stream.eventsPerCall() - 15));
        assertEquals(0, hotline.app.ami().eventsLost());
        assertEquals(0, hotline.app.ami().eventsReordered());
        assertEquals(0, hotline.app.ami().lossResyncs());
        assertEquals(2, hotline.ami.loginCount(), "no session dropped");
    }

    @Test
    void amiEventsSetTheTimesWhenTheCallerVanishesMidScript() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        Instant start = clock.instant();
        FakeAgiCall call = hotline.call("13800000001");
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE", "200 result=1");
        call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('1'));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        call.expect("^EXEC \"Dial\"");

        // Asterisk reports the answer at +7 s and the caller's hangup at +97 s ...
        hotline.ami.sendEvent("DialEnd", "Uniqueid", call.uniqueId(), "Channel", call.channel(),
                "DestChannel", "PJSIP/6001-00000007", "DestUniqueid", "1700000000.9", "DialStatus", "ANSWER",
                "Timestamp", timestamp(start.plusSeconds(7)));
        hotline.ami.sendEvent("Hangup", "Uniqueid", call.uniqueId(), "Channel", call.channel(), "Cause", "16",
                "Timestamp", timestamp(start.plusSeconds(97)));
        String contactId = awaitContactEnded(call.uniqueId());
        // ... and the AGI session then dies without a word (server restart, broken socket)
        clock.advance(Duration.ofSeconds(300));
        call.close();

        Contact contact = hotline.contacts().findById(contactId).orElseThrow();
        assertEquals(Optional.of(start.plusSeconds(7)), contact.answeredAt());
        assertEquals(Optional.of(start.plusSeconds(97)), contact.endedAt());
        assertEquals(Optional.of(7L), contact.waitSeconds());
        assertEquals(Optional.of(90L), contact.talkSeconds());
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
    }

    private String awaitContactEnded(String uniqueId) {
        CallRecorder recorder = recorder();
        String[] id = new String[1];
        RunningHotline.awaitCondition("contact ended by AMI", () -> {
            Optional<String> found = recorder.contactIdForChannel(uniqueId);
            found.ifPresent(f -> id[0] = f);
            return found.flatMap(f -> hotline.contacts().findById(f)).flatMap(Contact::endedAt).isPresent();
        });
        return id[0];
    }

    private CallRecorder recorder() {
        return new CallRecorder(new CallerRepository(hotline.app.store()), hotline.cases(), hotline.contacts(),
                new FollowUpRepository(hotline.app.store()), clock);
    }

    @Test
    void amiServerGoesAwayAndComesBackReconnectsRereadsStateAndLeaksNoThreads() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        // a call Asterisk will no longer know about after its restart
        String stale = recorder().startInbound(new IncomingCall("1699999999.1", "PJSIP/trunk-1", "13800000002",
                clock.instant())).contactId();
        clock.advance(Duration.ofSeconds(30));
        int port = hotline.ami.port();
        long baseline = amiThreads();

        for (int restart = 1; restart <= RESTARTS; restart++) {
            hotline.ami.close();
            RunningHotline.awaitCondition("link noticed it is down",
                    () -> !"CONNECTED".equals(hotline.app.ami().status().state()));
            hotline.ami = hotline.startAmi(FakeAmiServer.start(port));
            assertTrue(hotline.ami.awaitLoginCount(1, RunningHotline.WAIT), "logged in again after restart " + restart);
            RunningHotline.awaitCondition("link up", () -> "CONNECTED".equals(hotline.app.ami().status().state()));
            hotline.ami.awaitAction("DeviceStateList", RunningHotline.WAIT);
            hotline.ami.awaitAction("CoreShowChannels", RunningHotline.WAIT);
        }
        assertEquals(RESTARTS + 1, hotline.app.ami().status().connects());
        RunningHotline.awaitCondition("the stale call was closed by the re-read",
                () -> hotline.contacts().findById(stale).flatMap(Contact::endedAt).isPresent());
        try {
            // asterisk-java may leave one idle event-pump thread of a dropped connection until that
            // connection is garbage collected; what must not happen is one more thread per reconnect.
            RunningHotline.awaitCondition("no thread leak", () -> amiThreads() <= baseline + 2);
        } catch (AssertionError e) {
            StringBuilder stacks = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, frames) -> {
                if (t.getName().contains("AsyncEventPump")) {
                    stacks.append("\n").append(t.getName()).append(" ").append(t.getState());
                    for (int i = 0; i < Math.min(12, frames.length); i++) {
                        stacks.append("\n    at ").append(frames[i]);
                    }
                }
            });
            throw new AssertionError("AMI threads now vs " + baseline + " at start: " + amiThreadNames() + stacks, e);
        }
        assertEquals(1, hotline.availableCount(), "device states re-read after the reconnect");
    }

    @Test
    void theServerStartsWithoutAsteriskAndConnectsWhenItAppears() throws Exception {
        int port = org.carehotline.support.FreePorts.next(); // nothing listens there yet
        hotline = servers.start(clock, Map.of(), "--ami.port=" + port);
        RunningHotline.awaitCondition("retrying", () -> "RETRYING".equals(hotline.app.ami().status().state()));
        assertTrue(hotline.app.ami().status().lastError().contains("Connect"), hotline.app.ami().status().lastError());

        hotline.ami.close();
        hotline.ami = hotline.startAmi(FakeAmiServer.start(port));
        RunningHotline.awaitCondition("connected", () -> "CONNECTED".equals(hotline.app.ami().status().state()));
        assertEquals(1, hotline.app.ami().status().connects());
    }

    private static List<String> amiThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains("Asterisk-Java") || n.startsWith("ami-")).sorted().toList();
    }

    @Test
    void withoutAnyPhoneStateFromAmiCallsGoToTheDialplanRingGroupInsteadOfWaiting() throws Exception {
        int port = org.carehotline.support.FreePorts.next(); // Asterisk's AMI is not reachable
        hotline = servers.start(clock, Map.of(), "--ami.port=" + port);
        FakeAgiCall call = hotline.call("13800000003");
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE", "200 result=1");
        call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('1'));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");

        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"fallback\"", "200 result=1");
        call.respondUntilClosed();

        String contactId = recorder().contactIdForChannel(call.uniqueId()).orElseThrow();
        Contact contact = hotline.contacts().findById(contactId).orElseThrow();
        assertEquals(Optional.of(org.carehotline.cases.Disposition.FALLBACK), contact.disposition());
        assertTrue(contact.log().stream().anyMatch(e -> e.entry().contains("AMI link down")), contact.log().toString());
    }

    /** Threads asterisk-java and our link run: readers, pumps, reconnect threads. */
    private static long amiThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.contains("Asterisk-Java") || n.startsWith("ami-")).count();
    }
}
