package org.carehotline.telephony;

import static org.carehotline.testing.FakeAmiServer.message;
import static org.carehotline.testing.FakeAmiServer.respondWithEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.Contact;
import org.carehotline.cases.Disposition;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls the dialplan's fallback group handled: recorded from Asterisk's own record (AstDB entry
 * and UserEvents written by [hotline-fallback]), with Asterisk's times, disposition FALLBACK,
 * who answered and no invented offers, whether the server was up, down or reconnecting.
 */
class FallbackCallTest {

    private static final String FAMILY = "hotline-fallback";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private final Instant t0 = clock.instant().minusSeconds(600);
    private RunningHotline hotline;

    private static String epoch(Instant at) {
        return String.format(Locale.ROOT, "%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000);
    }

    private static String timestamp(Instant at) {
        return String.format(Locale.ROOT, "%d.%06d", at.getEpochSecond(), at.getNano() / 1000);
    }

    /** The start fields, as [hotline-fallback] writes them on entry. */
    private static String started(Instant at, String caller, String channel, String agi, String contact) {
        return "start=" + epoch(at) + "|caller=" + caller + "|channel=" + channel + "|agi=" + agi + "|contact=" + contact;
    }

    /** The whole record, as [hotline-fallback-end] completes it. */
    private static String ended(String start, String status, String peer, Instant answered, Instant end) {
        return start + "|status=" + status + "|peer=" + peer + "|answered=" + (answered == null ? "" : epoch(answered))
                + "|end=" + epoch(end);
    }

    private Contact onlyContactOf(String phone) {
        return hotline.lastContact(phone);
    }

    @Test
    void aGroupCallWithTheServerUpHasAsteriskTimesWhoAnsweredNoOffersAndIsForgottenInAstDb() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        String uid = "1795334400.41";
        String caller = "PJSIP/hotline-trunk-00000041";
        Instant answered = t0.plusMillis(12_500);
        Instant end = t0.plusMillis(300_250);
        String start = started(t0, "13900000030", caller, "FAILURE", "");
        hotline.ami.astDb().put(FAMILY, uid, start);
        hotline.ami.sendEvent("UserEvent", "UserEvent", "HotlineFallback", "Uniqueid", uid, "Channel", caller,
                "CallerIDNum", "13900000030", "Record", start, "Timestamp", timestamp(t0));
        for (String phone : List.of("PJSIP/6001-00000042", "PJSIP/6002-00000043")) {
            hotline.ami.sendEvent("DialBegin", "Channel", caller, "Uniqueid", uid, "DestChannel", phone,
                    "Timestamp", timestamp(t0.plusSeconds(2)));
        }
        hotline.ami.sendEvent("DialEnd", "Channel", caller, "Uniqueid", uid, "DestChannel", "PJSIP/6002-00000043",
                "DialStatus", "ANSWER", "Timestamp", timestamp(answered));
        hotline.ami.sendEvent("DialEnd", "Channel", caller, "Uniqueid", uid, "DestChannel", "PJSIP/6001-00000042",
                "DialStatus", "CANCEL", "Timestamp", timestamp(answered));
        hotline.ami.sendEvent("DeviceStateChange", "Device", "PJSIP/6002", "State", "INUSE");
        hotline.ami.sendEvent("BridgeEnter", "BridgeUniqueid", "b-41", "Uniqueid", uid, "Channel", caller);
        hotline.ami.sendEvent("BridgeEnter", "BridgeUniqueid", "b-41", "Uniqueid", "1795334400.43",
                "Channel", "PJSIP/6002-00000043");
        hotline.ami.sendEvent("Hangup", "Channel", caller, "Uniqueid", uid, "Cause", "16",
                "Timestamp", timestamp(end));
        hotline.ami.astDb().put(FAMILY, uid, ended(start, "ANSWER", "PJSIP/6002-00000043", answered, end));
        hotline.ami.sendEvent("UserEvent", "UserEvent", "HotlineFallbackEnd", "Uniqueid", uid, "Channel", caller,
                "CallerIDNum", "13900000030", "Record", ended(start, "ANSWER", "PJSIP/6002-00000043", answered, end));
        hotline.ami.sendEvent("DeviceStateChange", "Device", "PJSIP/6002", "State", "NOT_INUSE");

        Map<String, String> forget = hotline.ami.awaitAction("DBDel", RunningHotline.WAIT);
        assertEquals(FAMILY, forget.get("Family"));
        assertEquals(uid, forget.get("Key"));
        RunningHotline.awaitCondition("entry deleted", () -> hotline.ami.astDb().entries(FAMILY).isEmpty());
        Contact contact = onlyContactOf("13900000030");
        assertEquals(Optional.of(Disposition.FALLBACK), contact.disposition());
        assertEquals(Optional.of(hotline.counselorId("li.wei")), contact.answeredBy());
        assertEquals(Optional.of(answered), contact.answeredAt());
        assertEquals(Optional.of(end), contact.endedAt());
        assertEquals(Optional.of(287L), contact.talkSeconds());
        assertEquals(List.of(), contact.offers(), "the ring group's phones were not offered the call by routing");
        assertEquals(uid, contact.uniqueId());
        // nothing routing set: li.wei's phone is idle again, so li.wei is free
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(hotline.counselorId("li.wei")));
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(hotline.counselorId("wang.fang")));
    }

    @Test
    void callsTheGroupHandledWhileTheServerWasAwayAreImportedFromAstDbOnceEachAtEveryLogin() throws Exception {
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        String talked = started(t0, "13900000051", "PJSIP/hotline-trunk-00000051", "FAILURE", "");
        String missed = started(t0.plusSeconds(60), "13900000052", "PJSIP/hotline-trunk-00000052", "FAILURE", "");
        String live = started(t0.plusSeconds(500), "13900000053", "PJSIP/hotline-trunk-00000053", "FAILURE", "");
        String lost = started(t0.plusSeconds(120), "13900000054", "PJSIP/hotline-trunk-00000054", "FAILURE", "");
        hotline.ami.astDb().put(FAMILY, "1795334400.51", ended(talked, "ANSWER", "PJSIP/6001-00000061",
                t0.plusSeconds(9), t0.plusSeconds(249)));
        hotline.ami.astDb().put(FAMILY, "1795334460.52", ended(missed, "NOANSWER", "", null, t0.plusSeconds(110)));
        hotline.ami.astDb().put(FAMILY, "1795334900.53", live);
        hotline.ami.astDb().put(FAMILY, "1795334520.54", lost);
        hotline.ami.onAction("CoreShowChannels", respondWithEvents("CoreShowChannel",
                List.of(message("Channel", "PJSIP/hotline-trunk-00000053", "Uniqueid", "1795334900.53")),
                "CoreShowChannelsComplete"));

        hotline.ami.dropClients(); // the server comes back (or its link does): a new login
        assertTrue(hotline.ami.awaitLoginCount(2, RunningHotline.WAIT));
        RunningHotline.awaitCondition("complete entries deleted",
                () -> hotline.ami.astDb().entries(FAMILY).keySet().equals(java.util.Set.of("1795334900.53")));

        Contact first = onlyContactOf("13900000051");
        assertEquals(Optional.of(Disposition.FALLBACK), first.disposition());
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), first.answeredBy());
        assertEquals(Optional.of(t0), Optional.of(first.startedAt()));
        assertEquals(Optional.of(t0.plusSeconds(249)), first.endedAt());
        assertEquals(Optional.of(240L), first.talkSeconds());
        Contact unanswered = onlyContactOf("13900000052");
        assertEquals(Optional.of(Disposition.FALLBACK), unanswered.disposition());
        assertEquals(Optional.empty(), unanswered.answeredAt());
        assertEquals(Optional.of(t0.plusSeconds(110)), unanswered.endedAt());
        Contact stillUp = onlyContactOf("13900000053");
        assertEquals(Optional.empty(), stillUp.endedAt(), "still up at login: its end is still to come");
        Contact cutOff = onlyContactOf("13900000054");
        assertEquals(Optional.of(clock.instant()), cutOff.endedAt(), "neither up nor ended: ends at the login");
        assertTrue(cutOff.log().stream().anyMatch(e -> e.entry().contains("end unrecorded")), cutOff.log().toString());

        hotline.ami.dropClients(); // another login reads the live call's entry again
        assertTrue(hotline.ami.awaitLoginCount(3, RunningHotline.WAIT));
        hotline.ami.awaitAction("DBGetTree", RunningHotline.WAIT);
        hotline.ami.awaitAction("DBGetTree", RunningHotline.WAIT);
        Thread.sleep(300);
        assertEquals(4, hotline.cases().recent(10).stream()
                .mapToInt(c -> hotline.contacts().forCase(c.id()).size()).sum(), "imported twice, recorded once");

        hotline.ami.sendEvent("UserEvent", "UserEvent", "HotlineFallbackEnd", "Uniqueid", "1795334900.53",
                "Record", ended(live, "NOANSWER", "", null, t0.plusSeconds(560)));
        RunningHotline.awaitCondition("live call ended", () -> onlyContactOf("13900000053").endedAt().isPresent());
        assertEquals(Optional.of(t0.plusSeconds(560)), onlyContactOf("13900000053").endedAt());
        RunningHotline.awaitCondition("its entry deleted", () -> hotline.ami.astDb().entries(FAMILY).isEmpty());
    }

    @Test
    void aCallTheScriptHandsToTheGroupEndsWhenTheGroupsCallEndsNotWhenTheScriptDoes() throws Exception {
        hotline = servers.start(clock, Map.of()); // no phone states: routing is blind, the group takes the call
        FakeAgiCall call = hotline.call("13900000071");
        call.on("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('1'))
                .on("^SET VARIABLE", "200 result=1");
        List<String> commands = call.respondUntilClosed();
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("SET VARIABLE \"HOTLINE_RESULT\" \"fallback\"")),
                commands.toString());
        RunningHotline.awaitCondition("contact", () -> !hotline.cases().recent(10).isEmpty());
        Contact handedOver = onlyContactOf("13900000071");
        Thread.sleep(300);
        assertEquals(Optional.empty(), onlyContactOf("13900000071").endedAt(), "the call goes on in the group");

        Instant answered = clock.instant().plusSeconds(15);
        Instant end = clock.instant().plusSeconds(75);
        String start = started(clock.instant(), "13900000071", call.channel(), "SUCCESS", handedOver.id());
        hotline.ami.sendEvent("UserEvent", "UserEvent", "HotlineFallbackEnd", "Uniqueid", call.uniqueId(),
                "Record", ended(start, "ANSWER", "PJSIP/6003-00000071", answered, end));
        RunningHotline.awaitCondition("ended", () -> onlyContactOf("13900000071").endedAt().isPresent());
        Contact contact = onlyContactOf("13900000071");
        assertEquals(handedOver.id(), contact.id(), "the script's own contact, not a second one");
        assertEquals(Optional.of(Disposition.FALLBACK), contact.disposition());
        assertEquals(Optional.of(hotline.counselorId("chen.jing")), contact.answeredBy());
        assertEquals(Optional.of(answered), contact.answeredAt());
        assertEquals(Optional.of(end), contact.endedAt());
        assertEquals(Optional.of(60L), contact.talkSeconds());
    }
}
