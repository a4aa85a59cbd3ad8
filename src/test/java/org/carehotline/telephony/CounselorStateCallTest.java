package org.carehotline.telephony;

import static org.carehotline.support.CallerDialogues.intoTheQueue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.Contact;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.Asterisk22Calls;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Counselors' states follow Asterisk over real sockets: calls routing did not place, sessions that
 * end early, callers gone before the Dial, prompts that cannot play.
 */
class CounselorStateCallTest {

    private static final String WANG_FANG = "PJSIP/6001";
    private static final String LI_WEI = "PJSIP/6002";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z"); // a Sunday, 16:00 in Shanghai
    private RunningHotline hotline;

    private PresenceState stateOf(String login) {
        return hotline.app.router().states().get(hotline.counselorId(login));
    }

    private static void throughMenu(FakeAgiCall call, char key) {
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
        call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy(key));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
    }

    @Test
    void anInternalCallBetweenDeskPhonesLeavesBothCounselorsFreeWhenItEndsAndTheNextHotlineCallReachesThem() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE", LI_WEI, "NOT_INUSE"));
        new Asterisk22Calls(hotline.ami).internalCallAnsweredAndEnded(WANG_FANG, LI_WEI, "1795334000.5",
                clock.instant().minusSeconds(120), clock.instant().minusSeconds(10));
        RunningHotline.awaitCondition("both phones idle again", () -> hotline.availableCount() == 2);
        assertEquals(PresenceState.AVAILABLE, stateOf("li.wei"), "the answered internal Dial set nothing of routing's");

        FakeAgiCall call = hotline.call("13900000081");
        throughMenu(call, '3'); // hardship: li.wei's skill
        call.expect("^EXEC \"Dial\" \"" + LI_WEI + ",");
        assertEquals(PresenceState.RINGING, stateOf("li.wei"));
        call.hangup();
        call.respondUntilClosed();
    }

    @Test
    void aSessionThatEndsBetweenTakingItsOfferAndTheDialLeavesNobodyRinging() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall call = hotline.call("13900000082");
        throughMenu(call, '1');
        intoTheQueue(call);
        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        hotline.ami.awaitAction("PlayDTMF", RunningHotline.WAIT);
        call.reply(AgiReplies.digit('#'));
        call.expect("^EXEC \"StopMusicOnHold\"");
        call.hangup(); // the caller is gone right after the wake-up: the offer was taken, no Dial follows
        call.respondUntilClosed();

        RunningHotline.awaitCondition("wang.fang free", () -> stateOf("wang.fang") == PresenceState.AVAILABLE);
    }

    @Test
    void aCallerGoneBeforeTheDialCostsNoMissAndNoPhoneIsSaidToHaveRung() throws Exception {
        hotline = servers.start(clock, Map.of(LI_WEI, "NOT_INUSE"));
        for (int i = 0; i < 2; i++) { // two misses in a row would pause li.wei
            FakeAgiCall call = hotline.call("1390000009" + i);
            throughMenu(call, '3');
            // app_dial: "Caller hung up before dial.", DIALSTATUS CANCEL, -1, and no RINGTIME
            call.expectAndReply("^EXEC \"Dial\" \"" + LI_WEI, AgiReplies.FAILURE);
            call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("CANCEL"));
            call.expectAndReply("^GET VARIABLE \"RINGTIME\"", AgiReplies.variableUnset());
            call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"done\"", "200 result=1");
            call.hangup();
            call.respondUntilClosed();
        }

        assertEquals(PresenceState.AVAILABLE, stateOf("li.wei"));
        RunningHotline.awaitCondition("the offer's outcome stored",
                () -> hotline.lastContact("13900000091").offers().get(0).outcome().isPresent());
        Contact contact = hotline.lastContact("13900000091");
        assertEquals(Optional.of(CallRecorder.OFFER_NOT_RUNG), contact.offers().get(0).outcome());
        assertTrue(contact.log().stream().anyMatch(e -> e.entry().contains("hung up before")
                && e.entry().endsWith("phone rang")), contact.log().toString());
        assertTrue(contact.log().stream().noneMatch(e -> e.entry().contains("while")), contact.log().toString());
    }

    @Test
    void aPromptThatCannotPlayIsLoggedByNameAndIsNotTakenForAKey() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"));
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            FakeAgiCall call = hotline.call("13900000083");
            call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
            call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
            call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.STREAM_FILE_MISSING);
            // the menu follows, as after a welcome nobody interrupted: -1 is no key (no "invalid key")
            call.expectAndReply("^STREAM FILE \"hotline/option-psychological-support\"",
                    AgiReplies.streamInterruptedBy('1'));
            call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
            call.hangup();
            call.respondUntilClosed();
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Prompt 'hotline/welcome' could not be played"), logged);
    }
}
