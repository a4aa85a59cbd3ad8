package org.carehotline.telephony;

import static org.carehotline.support.CallerDialogues.intoTheQueue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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
 * Routing over real sockets: callers played by the FastAGI fake, phones and wake-ups by the
 * AMI fake, the whole server in between.
 */
class RoutingCallTest {

    private static final String WANG_FANG = "PJSIP/6001"; // psychological 5, crisis 5, dialects mandarin + henan
    private static final String LI_WEI = "PJSIP/6002";    // psychological 3, hardship 4, dialects mandarin + sichuanese
    private static final String CHEN_JING = "PJSIP/6003"; // psychological 4, crisis 3, dialects mandarin + cantonese

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z"); // a Sunday, 16:00 in Shanghai
    private RunningHotline hotline;

    private static void throughMenu(FakeAgiCall call, char key) {
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
        call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy(key));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
    }

    private void talk(FakeAgiCall call, String endpoint, int seconds) {
        talk(call, endpoint, seconds, "hotline-connecting");
    }

    /** The Dial with the caller hearing {@code musicClass} (the connecting prompt, then ringback) while it rings. */
    private void talk(FakeAgiCall call, String endpoint, int seconds, String musicClass) {
        call.expect("^EXEC \"Dial\" \"" + endpoint + ",20,m\\(" + musicClass + "\\)U\\(hotline-answered\\)\"");
        call.reply(AgiReplies.DIAL_AFTER_BRIDGE);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(seconds)));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"done\"", "200 result=1");
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(RunningHotline.WAIT));
    }

    private Contact contactOf(String phone) {
        return hotline.lastContact(phone);
    }

    @Test
    void twoCallersOneCounselorTheCrisisArrivesSecondAndIsServedFirst() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall ordinary = hotline.call("13900000001");
        throughMenu(ordinary, '1');
        intoTheQueue(ordinary);
        clock.advance(Duration.ofSeconds(20));
        FakeAgiCall crisis = hotline.call("13900000002");
        throughMenu(crisis, '0');
        intoTheQueue(crisis);

        // the counselor hangs up their other call: the router picks the crisis and wakes its session over AMI
        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        Map<String, String> wake = hotline.ami.awaitAction("PlayDTMF", RunningHotline.WAIT);
        assertEquals(crisis.channel(), wake.get("channel"));
        assertEquals("#", wake.get("digit"));
        assertEquals("true", wake.get("receive"));

        crisis.reply(AgiReplies.digit('#'));
        crisis.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        talk(crisis, WANG_FANG, 600, "hotline-crisis-connecting");

        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contactOf("13900000002").answeredBy());
        assertEquals(1, hotline.app.router().waitingCalls().size(), "the first caller is still waiting");
        assertEquals(1, hotline.app.router().waitingCalls().get(0).position());
        ordinary.hangup();
        ordinary.respondUntilClosed();
        Contact waited = contactOf("13900000001");
        assertEquals(Optional.of(Disposition.ABANDONED), waited.disposition());
        assertTrue(waited.log().stream().anyMatch(e -> e.entry().equals(
                "waiting at position 1: signed in with PSYCHOLOGICAL_SUPPORT: wang.fang ON_CALL")),
                "the contact says why the caller waited: " + waited.log());
        assertTrue(contactOf("13900000002").log().stream().anyMatch(e -> e.entry().startsWith(
                "offered to " + hotline.counselorId("wang.fang") + ": wang.fang; ")), "and who was offered, why");
    }

    @Test
    void aWakeUpAsteriskDroppedIsSentAgainUntilTheSessionTakesItsOffer() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall caller = hotline.call("13900000011");
        throughMenu(caller, '1');
        intoTheQueue(caller);

        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        hotline.ami.awaitAction("PlayDTMF", RunningHotline.WAIT);
        // that digit never reached the WAIT FOR DIGIT: the waker tries again
        Map<String, String> again = hotline.ami.awaitAction("PlayDTMF", RunningHotline.WAIT);
        assertEquals(caller.channel(), again.get("channel"));

        caller.reply(AgiReplies.digit('#'));
        caller.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        talk(caller, WANG_FANG, 60);
        long wakes = hotline.ami.actions().stream().filter(a -> "PlayDTMF".equalsIgnoreCase(a.get("Action"))).count();
        Thread.sleep(600);
        assertEquals(wakes, hotline.ami.actions().stream().filter(a -> "PlayDTMF".equalsIgnoreCase(a.get("Action")))
                .count(), "no wake-up once the session took its offer");
        assertTrue(wakes <= 5, "a few repeats at most: " + wakes);
    }

    @Test
    void aCounselorFoundWhileTheMusicStartsIsDialedWithoutWaitingForTheWakeUp() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall caller = hotline.call("13900000012");
        throughMenu(caller, '1');
        caller.expectAndReply("^STREAM FILE \"hotline/all-busy\" \"10#\"", AgiReplies.streamCompleted());
        caller.expectAndReply("^STREAM FILE \"hotline/press-1-callback-while-waiting\"", AgiReplies.streamCompleted());
        caller.expect("^EXEC \"StartMusicOnHold\"");
        // the counselor frees while the music command runs: Asterisk would drop the wake digit
        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        hotline.ami.awaitAction("PlayDTMF", RunningHotline.WAIT);
        caller.reply(AgiReplies.SUCCESS);

        // the session looks for its offer before waiting a whole slice for a digit
        caller.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        talk(caller, WANG_FANG, 60);
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contactOf("13900000012").answeredBy());
    }

    @Test
    void aReturningCallerIsConnectedToTheirPreviousCounselorWhenFree() throws Exception {
        hotline = servers.start(clock, Map.of(CHEN_JING, "NOT_INUSE", WANG_FANG, "INUSE"));
        FakeAgiCall first = hotline.call("13900000003");
        throughMenu(first, '1');
        talk(first, CHEN_JING, 300);
        clock.advance(Duration.ofDays(2)); // wrap-up long over
        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        RunningHotline.awaitCondition("both free", () -> hotline.availableCount() == 2);

        FakeAgiCall again = hotline.call("13900000003");
        throughMenu(again, '1');
        // wang.fang has the higher skill and has been idle longer, but chen.jing knows this caller
        talk(again, CHEN_JING, 120);

        Contact contact = contactOf("13900000003");
        assertEquals(Optional.of(hotline.counselorId("chen.jing")), contact.answeredBy());
    }

    @Test
    void theDialectMenuFindsACounselorWhoSpeaksItAndTheProfileRemembersIt() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE", LI_WEI, "NOT_INUSE"),
                "--routing.dialect-menu=mandarin,cantonese,sichuanese,henan");
        FakeAgiCall call = hotline.call("13900000004");
        throughMenu(call, '1');
        // each option, then "press" and its key, until the caller presses one
        call.expectAndReply("^STREAM FILE \"hotline/dialect-mandarin\" \"01234\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/press-1\" \"01234\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/dialect-cantonese\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/press-2\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/dialect-sichuanese\"", AgiReplies.streamInterruptedBy('3'));
        // li.wei speaks Sichuanese; wang.fang has the higher skill but not the dialect
        talk(call, LI_WEI, 200);

        clock.advance(Duration.ofDays(1));
        FakeAgiCall again = hotline.call("13900000004");
        throughMenu(again, '1');
        String next = again.expect("^(STREAM FILE|EXEC)");
        assertTrue(next.startsWith("EXEC \"Dial\" \"" + LI_WEI + ",20,m(hotline-connecting)"),
                "no dialect menu the second time, and no prompt before the phone rings: " + next);
        again.hangup();
        again.respondUntilClosed();
    }

    @Test
    void outsideOpeningHoursTheCallerHearsSoAndLeavesACallBackRequest() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"),
                "--hours.weekly=mon-fri 08:00-20:00", "--hours.closed-action=callback");
        FakeAgiCall call = hotline.call("13900000005");
        throughMenu(call, '2');
        call.expectAndReply("^STREAM FILE \"hotline/closed\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/callback-confirmed\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/goodbye\"", AgiReplies.streamCompleted());
        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"done\"", "200 result=1");
        call.respondUntilClosed();

        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED), contactOf("13900000005").disposition());
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(hotline.counselorId("wang.fang")),
                "nobody was rung on a Sunday");
    }

    @Test
    void aCounselorWhoMissesTwoCallsInARowIsPausedForMissedCalls() throws Exception {
        hotline = servers.start(clock, Map.of(LI_WEI, "NOT_INUSE"));
        for (int i = 0; i < 2; i++) {
            FakeAgiCall call = hotline.call("1390000001" + i);
            throughMenu(call, '3');
            call.expectAndReply("^EXEC \"Dial\" \"" + LI_WEI, AgiReplies.SUCCESS);
            call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("NOANSWER"));
            call.hangup();
            call.respondUntilClosed();
        }

        String liWei = hotline.counselorId("li.wei");
        assertEquals(PresenceState.PAUSED, hotline.app.router().states().get(liWei));
        assertEquals(Optional.of("NOANSWER"), contactOf("13900000011").offers().get(0).outcome());
    }

    @Test
    void aCallerWhoHangsUpWhileThePhoneRingsCostsTheCounselorNoMiss() throws Exception {
        hotline = servers.start(clock, Map.of(LI_WEI, "NOT_INUSE"));
        for (int i = 0; i < 2; i++) { // two misses in a row would pause li.wei
            FakeAgiCall call = hotline.call("1390000003" + i);
            throughMenu(call, '3');
            call.expectAndReply("^EXEC \"Dial\" \"" + LI_WEI, AgiReplies.SUCCESS);
            call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("CANCEL"));
            call.expectAndReply("^GET VARIABLE \"RINGTIME\"", AgiReplies.variable("3"));
            // the call is over: no second offer, no "trying the next counselor"
            call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"done\"", "200 result=1");
            call.hangup();
            call.respondUntilClosed();
        }

        String liWei = hotline.counselorId("li.wei");
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(liWei));
        RunningHotline.awaitCondition("the offer's outcome stored",
                () -> contactOf("13900000031").offers().get(0).outcome().isPresent());
        assertEquals(Optional.of("CANCEL"), contactOf("13900000031").offers().get(0).outcome());
        assertEquals(1, contactOf("13900000031").offers().size());
    }

    @Test
    void aWaitingCallerWaitsInLongSlicesWhileAmiCanWakeThemAndShortOnesWhenItCannot() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"), "--queue.announce-every-seconds=30",
                "--queue.wait-slice-ms=20000", "--queue.wait-slice-without-ami-ms=1000");
        FakeAgiCall call = hotline.call("13900000021");
        throughMenu(call, '1');
        call.expectAndReply("^STREAM FILE \"hotline/all-busy\" \"10#\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/press-1-callback-while-waiting\"", AgiReplies.streamCompleted());
        call.expectAndReply("^EXEC \"StartMusicOnHold\"", AgiReplies.SUCCESS);
        // AMI is up: a found counselor wakes the session, so one wait may be long ...
        assertEquals("WAIT FOR DIGIT 20000", call.expect("^WAIT FOR DIGIT"));
        // ... but never past the next announcement, due 30 s after the greeting
        clock.advance(Duration.ofSeconds(25));
        call.reply(AgiReplies.timeout());
        assertEquals("WAIT FOR DIGIT 5000", call.expect("^WAIT FOR DIGIT"));

        hotline.ami.close(); // the link is lost: nothing can wake the session any more
        RunningHotline.awaitCondition("AMI link seen down", () -> !hotline.app.ami().connected());
        call.reply(AgiReplies.timeout());
        assertEquals("WAIT FOR DIGIT 1000", call.expect("^WAIT FOR DIGIT"));
        call.hangup();
        call.respondUntilClosed();
    }

    @Test
    void aWaitingCallerHearsTheirPlaceInLineAndTheExpectedWait() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"), "--queue.announce-every-seconds=30");
        FakeAgiCall call = hotline.call("13900000020");
        throughMenu(call, '1');
        intoTheQueue(call);
        clock.advance(Duration.ofSeconds(31));
        call.reply(AgiReplies.timeout());

        call.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        call.expectAndReply("^STREAM FILE \"hotline/queue-position-before\"", AgiReplies.streamCompleted());
        call.expectAndReply("^SAY NUMBER \"1\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/queue-position-after\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/expected-wait-before\"", AgiReplies.streamCompleted());
        call.expectAndReply("^SAY NUMBER \"5\"", AgiReplies.streamCompleted()); // one staffed counselor, 300 s
        call.expectAndReply("^STREAM FILE \"hotline/expected-wait-after\"", AgiReplies.streamCompleted());
        call.expectAndReply("^EXEC \"StartMusicOnHold\"", AgiReplies.SUCCESS);
        call.expect("^WAIT FOR DIGIT");
        call.hangup();
        call.respondUntilClosed();
    }
}
