package org.carehotline.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.Contact;
import org.carehotline.cases.Disposition;
import org.carehotline.followups.FollowUp;
import org.carehotline.support.CallerDialogues;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inbound calls end to end: the real server, a fake Asterisk playing the caller's side over
 * FastAGI, the fake AMI reporting phones, the embedded MongoDB behind the real driver.
 */
class InboundCallTest {

    private static final String WANG_FANG = "PJSIP/6001"; // demo: psychological support 5, crisis 5
    private static final String CHEN_JING = "PJSIP/6003"; // demo: psychological support 4, crisis 3

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private RunningHotline hotline;

    private void start(Map<String, String> devices) throws Exception {
        hotline = servers.start(clock, devices);
    }

    /** Answers the greeting steps and presses {@code key} during the menu. */
    private static void pressAtMenu(FakeAgiCall call, char key) {
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\" \"zh\"", "200 result=1");
        call.expectAndReply("^STREAM FILE \"hotline/welcome\" \"0123\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/option-psychological-support\" \"0123\"", AgiReplies.streamInterruptedBy(key));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
    }

    private static void finishSession(FakeAgiCall call, String result) {
        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"" + result + "\"", "200 result=1");
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(RunningHotline.WAIT));
    }

    private List<CareCase> cases() {
        return hotline.cases().recent(100);
    }

    private Contact onlyContact(CareCase c) {
        List<Contact> contacts = hotline.contacts().forCase(c.id());
        assertEquals(1, contacts.size());
        return contacts.get(0);
    }

    @Test
    void newCallerPressesOneCounselorAnswersTheyTalkAndTheCallerHangsUp() throws Exception {
        start(Map.of(WANG_FANG, "NOT_INUSE"));
        FakeAgiCall call = hotline.call("+86 138 0013 8000");

        pressAtMenu(call, '1');
        call.expect("^EXEC \"Dial\" \"PJSIP/6001,20,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"");
        clock.advance(Duration.ofSeconds(40)); // 10 s ringing, 30 s talking
        call.hangup();                          // the caller hangs up: Dial returns -1, then HANGUP
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(30)));
        finishSession(call, "done");

        List<CareCase> cases = cases();
        assertEquals(1, cases.size());
        assertEquals(Optional.of("13800138000"), cases.get(0).phone());
        Contact contact = onlyContact(cases.get(0));
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
        assertEquals(Optional.of("1"), contact.menuKey());
        assertEquals(Optional.of(10L), contact.waitSeconds());
        assertEquals(Optional.of(30L), contact.talkSeconds());
        assertEquals(1, contact.offers().size());
        assertEquals(Optional.of(clock.instant()), contact.endedAt());
        assertEquals(org.carehotline.routing.PresenceState.WRAP_UP,
                hotline.app.router().states().get(hotline.counselorId("wang.fang")), "wrap-up after the call");
    }

    @Test
    void callerWhoHangsUpDuringTheMenuIsRecordedAsAbandoned() throws Exception {
        start(Map.of(WANG_FANG, "NOT_INUSE"));
        FakeAgiCall call = hotline.call("13900000001");

        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
        call.expect("^STREAM FILE \"hotline/welcome\"");
        clock.advance(Duration.ofSeconds(6));
        call.hangup();
        call.expect("^STREAM FILE \"hotline/option-psychological-support\""); // refused 511: the script sees the hangup
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(RunningHotline.WAIT));

        Contact contact = onlyContact(cases().get(0));
        assertEquals(Optional.of(Disposition.ABANDONED), contact.disposition());
        assertEquals(Optional.empty(), contact.menuKey());
        assertEquals(Optional.of(6L), contact.waitSeconds());
        assertEquals(1, hotline.availableCount(), "nobody was held for the call");
    }

    @Test
    void aWaitingCallerLeavesACallBackRequestFromTheQueue() throws Exception {
        start(Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall call = hotline.call("13900000002");

        pressAtMenu(call, '1');
        CallerDialogues.intoTheQueue(call);
        call.reply(AgiReplies.digit('1'));
        call.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        call.expectAndReply("^STREAM FILE \"hotline/callback-confirmed\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/goodbye\"", AgiReplies.streamCompleted());
        finishSession(call, "done");

        CareCase careCase = cases().get(0);
        List<FollowUp> followUps = hotline.followUps().forCase(careCase.id());
        assertEquals(1, followUps.size());
        assertEquals("13900000002", followUps.get(0).phone());
        assertEquals("pool", followUps.get(0).assignee());
        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED), onlyContact(careCase).disposition());
        assertTrue(hotline.app.router().waitingCalls().isEmpty(), "the caller left the queue");
    }

    @Test
    void aCallerWhoWaitsPastTheOverflowLimitIsPutThroughToTheOnCallNumber() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"),
                "--routing.overflow-after-seconds=60", "--oncall.number=13911112222");
        FakeAgiCall call = hotline.call("13900000003");

        pressAtMenu(call, '3');
        CallerDialogues.intoTheQueue(call);
        clock.advance(Duration.ofSeconds(61));
        call.reply(AgiReplies.timeout());
        call.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        call.expectAndReply("^EXEC \"Dial\" \"PJSIP/13911112222@hotline-trunk,45,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(120)));
        finishSession(call, "done");

        Contact contact = onlyContact(cases().get(0));
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of("oncall"), contact.answeredBy());
        assertEquals(Optional.of(120L), contact.talkSeconds());
    }

    @Test
    void withoutAnOnCallNumberAnOverflowingCallerGetsACallBackRequest() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"), "--routing.overflow-after-seconds=60");
        FakeAgiCall call = hotline.call("13900000013");
        pressAtMenu(call, '1');
        call.on("^WAIT FOR DIGIT", AgiReplies.WAIT_TIMEOUT);
        call.expectAndReply("^STREAM FILE \"hotline/all-busy\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/press-1", AgiReplies.streamCompleted());
        call.expectAndReply("^EXEC \"StartMusicOnHold\"", AgiReplies.SUCCESS);
        clock.advance(Duration.ofSeconds(60));
        call.respondUntilClosed();

        CareCase careCase = cases().get(0);
        assertEquals(1, hotline.followUps().forCase(careCase.id()).size());
        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED), onlyContact(careCase).disposition());
        assertTrue(call.transcript().contains("STREAM FILE \"hotline/callback-confirmed\" \"0\""),
                call.transcript().toString());
    }

    @Test
    void aReturningCallerLandsOnTheirOpenCase() throws Exception {
        start(Map.of(WANG_FANG, "INUSE"));
        for (int i = 0; i < 2; i++) {
            FakeAgiCall call = hotline.call("13900000004");
            call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
            call.hangup();
            call.respondUntilClosed();
            clock.advance(Duration.ofHours(30));
        }

        List<CareCase> cases = cases();
        assertEquals(1, cases.size());
        assertEquals(2, hotline.contacts().forCase(cases.get(0).id()).size());
        assertEquals(2, cases.get(0).contactCount());
    }

    @Test
    void aCounselorWhoDoesNotAnswerIsSkippedAndTheNextOneGetsTheCall() throws Exception {
        start(Map.of(WANG_FANG, "NOT_INUSE", CHEN_JING, "NOT_INUSE"));
        FakeAgiCall call = hotline.call("13900000005");

        pressAtMenu(call, '1');
        String first = call.expect("^EXEC \"Dial\"");
        clock.advance(Duration.ofSeconds(20));
        call.reply(AgiReplies.SUCCESS);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("NOANSWER"));
        String second = call.expect("^EXEC \"Dial\"");
        clock.advance(Duration.ofSeconds(65));
        call.reply(AgiReplies.SUCCESS);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(60)));
        finishSession(call, "done");

        assertTrue(!first.equals(second), first + " then " + second);
        Contact contact = onlyContact(cases().get(0));
        assertEquals(2, contact.offers().size());
        assertEquals(Optional.of("NOANSWER"), contact.offers().get(0).outcome());
        assertEquals(Optional.of("ANSWER"), contact.offers().get(1).outcome());
        assertEquals(contact.offers().get(1).counselorId(), contact.answeredBy().orElseThrow());
        assertEquals(Optional.of(25L), contact.waitSeconds(), "20 s on the first phone and 5 s on the second: " + contact);
        assertEquals(Optional.of(60L), contact.talkSeconds());
    }

    @Test
    void anAnonymousCallerWhomNobodyCanTakeGoesToTheFallbackGroupAsNobodyCanCallThemBack() throws Exception {
        start(Map.of(WANG_FANG, "UNAVAILABLE"));
        FakeAgiCall call = FakeAgiCall.to(hotline.agiPort).script("inbound").anonymous().connect();

        pressAtMenu(call, '1');
        // nobody with the skill is signed in: no point waiting
        call.expectAndReply("^STREAM FILE \"hotline/callback-unavailable\"", AgiReplies.streamCompleted());
        finishSession(call, "fallback");

        CareCase careCase = cases().get(0);
        assertEquals(Optional.empty(), careCase.phone());
        assertEquals(Optional.of(Disposition.FALLBACK), onlyContact(careCase).disposition());
        assertTrue(hotline.followUps().forCase(careCase.id()).isEmpty());
    }

    @Test
    void aCrisisCallWithNobodySignedInGoesStraightToTheFallbackWithACallBackRecorded() throws Exception {
        start(Map.of(WANG_FANG, "UNAVAILABLE", CHEN_JING, "UNAVAILABLE"));
        FakeAgiCall call = hotline.call("13900000006");

        pressAtMenu(call, '0');
        finishSession(call, "fallback");

        CareCase careCase = cases().get(0);
        assertEquals(1, hotline.followUps().forCase(careCase.id()).size());
        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED), onlyContact(careCase).disposition());
    }

    @Test
    void aCallerWhoHangsUpWhileBeingConnectedFreesTheCounselorHeldForThem() throws Exception {
        start(Map.of(WANG_FANG, "NOT_INUSE"));
        FakeAgiCall call = hotline.call("13900000008");

        pressAtMenu(call, '1');
        call.expect("^EXEC \"Dial\" \"PJSIP/6001,20,m\\(hotline-connecting\\)");
        assertEquals(org.carehotline.routing.PresenceState.RINGING,
                hotline.app.router().states().get(hotline.counselorId("wang.fang")));
        call.hangup();
        call.respondUntilClosed();

        assertEquals(1, hotline.availableCount(), "the counselor is not left ringing for a caller who is gone");
        assertEquals(Optional.of(Disposition.ABANDONED), onlyContact(cases().get(0)).disposition());
    }

    @Test
    void aConnectionThatNeverEndsItsHeaderIsDroppedSoon() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"), "--agi.header-timeout-ms=500");
        FakeAgiCall stuck = FakeAgiCall.to(hotline.agiPort).connectWithoutHeader();
        stuck.sendGarbage("agi_network: yes\nagi_request: agi://x/inbound\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)); // no blank line: the header never ends

        assertTrue(stuck.awaitClosedByServer(Duration.ofSeconds(5)), "dropped after the header timeout, not hours");
        assertEquals(0, cases().size());
    }

    @Test
    void garbageOnTheAgiSocketClosesThatSessionAndTheNextCallIsServed() throws Exception {
        start(Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall garbled = FakeAgiCall.to(hotline.agiPort).connectWithoutHeader();
        garbled.sendGarbage("\u0000\u00ff GARBAGE\r\nnot: agi\n\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        garbled.respondUntilClosed();
        assertTrue(garbled.transcript().stream().anyMatch(c -> c.contains("NOT_FOUND")), garbled.transcript().toString());

        FakeAgiCall next = hotline.call("13900000007");
        next.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        next.hangup();
        next.respondUntilClosed();
        assertEquals(1, cases().size(), "the garbled session made no case; the next call did");
    }
}
