package org.carehotline.telephony;

import static org.carehotline.support.CallerDialogues.intoTheQueue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.Category;
import org.carehotline.cases.Contact;
import org.carehotline.cases.Disposition;
import org.carehotline.cases.IvrJourneyRecord;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seconds before a human, per path (issue 16): every prompt interrupted by the keys valid at
 * that moment, key 0 straight to the crisis path from any prompt or menu, the dialect menu only
 * when its answer changes who gets the call, the phone ringing while the caller hears "connecting
 * you" (Dial's music class), and what each call went through on its contact ({@code ivr}).
 */
class IvrPathsCallTest {

    private static final String WANG_FANG = "PJSIP/6001"; // psychological 5, crisis 5, dialects mandarin + henan
    private static final String LI_WEI = "PJSIP/6002";    // psychological 3, hardship 4, dialects mandarin + sichuanese
    private static final String DIALECTS = "--routing.dialect-menu=mandarin,cantonese,sichuanese,henan";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z"); // a Monday, 16:00 in Shanghai
    private RunningHotline hotline;

    /** Answer and language; the clock then stands at the moment the script answered. */
    private static void answer(FakeAgiCall call) {
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
    }

    /** The caller presses {@code key} during the welcome (which takes every menu key and 0). */
    private static void pressInTheWelcome(FakeAgiCall call, char key) {
        answer(call);
        call.expectAndReply("^STREAM FILE \"hotline/welcome\" \"0123\"", AgiReplies.streamInterruptedBy(key));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
    }

    /**
     * A new caller presses 1 and hears the dialect menu start: wang.fang speaks Henanese, li.wei
     * Sichuanese, so the answer would change who gets the call.
     */
    private FakeAgiCall intoTheDialectMenu(String phone) throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE", LI_WEI, "NOT_INUSE"), DIALECTS);
        FakeAgiCall call = hotline.call(phone);
        pressInTheWelcome(call, '1');
        call.expect("^STREAM FILE \"hotline/dialect-mandarin\" \"01234\"");
        return call;
    }

    /** The Dial with {@code musicClass}; the counselor answers {@code ringSeconds} later and they talk a minute. */
    private void talks(FakeAgiCall call, String endpoint, String musicClass, int ringSeconds) {
        call.expect("^EXEC \"Dial\" \"" + endpoint + ",20,m\\(" + musicClass + "\\)U\\(hotline-answered\\)\"");
        Instant answered = clock.instant().plusSeconds(ringSeconds);
        clock.advance(Duration.ofSeconds(ringSeconds + 60));
        call.reply(AgiReplies.DIAL_AFTER_BRIDGE);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(answered));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"done\"", "200 result=1");
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(RunningHotline.WAIT));
    }

    private IvrJourneyRecord ivrOf(String phone) {
        RunningHotline.awaitCondition("the IVR journey stored", () -> hotline.lastContact(phone).ivr().isPresent());
        return hotline.lastContact(phone).ivr().orElseThrow();
    }

    @Test
    void keyZeroDuringTheWelcomeRingsTheCrisisCounselorAtOnceWithNoMenuInBetween() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE", LI_WEI, "NOT_INUSE"), DIALECTS);
        FakeAgiCall call = hotline.call("13900000101");
        answer(call);
        call.expect("^STREAM FILE \"hotline/welcome\" \"0123\"");
        clock.advance(Duration.ofMillis(1500)); // pressed as soon as the welcome started
        call.reply(AgiReplies.streamInterruptedBy('0'));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        talks(call, WANG_FANG, "hotline-crisis-connecting", 4);

        IvrJourneyRecord ivr = ivrOf("13900000101");
        assertEquals("key0-at-once", ivr.path());
        assertEquals(Optional.of(15L), ivr.tenthsToRinging(), "1.5 s from answer to the phone ringing");
        assertEquals(Optional.of(55L), ivr.tenthsToHuman(), "then 4 s of ringing");
        assertFalse(ivr.abandoned());
        Contact contact = hotline.lastContact("13900000101");
        assertEquals(Optional.of(Category.CRISIS_INTERVENTION), contact.category());
        assertFalse(call.transcript().stream().anyMatch(c -> c.contains("dialect-") || c.contains("option-")),
                "no menu after 0: " + call.transcript());
    }

    @Test
    void keyZeroInTheDialectMenuGoesStraightToTheCrisisPath() throws Exception {
        FakeAgiCall call = intoTheDialectMenu("13900000102");
        clock.advance(Duration.ofSeconds(2));
        call.reply(AgiReplies.streamInterruptedBy('0'));
        talks(call, WANG_FANG, "hotline-crisis-connecting", 3);

        IvrJourneyRecord ivr = ivrOf("13900000102");
        assertEquals("key0-in-prompt", ivr.path());
        assertEquals(Optional.of(20L), ivr.tenthsToRinging());
        assertEquals(Optional.of(0L), ivr.tenthsFromHelpNowToRinging(), "the phone rings as the caller presses 0");
        Contact contact = hotline.lastContact("13900000102");
        assertEquals(Optional.of(Category.CRISIS_INTERVENTION), contact.category());
        assertEquals(Optional.of("0"), contact.menuKey(), "the key that decided the category");
        assertTrue(contact.log().stream().anyMatch(e -> e.entry().startsWith("urgent: caller pressed 0")),
                contact.log().toString());
    }

    @Test
    void keyZeroInTheMainMenuIsTheCrisisPathToo() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"));
        FakeAgiCall call = hotline.call("13900000103");
        answer(call);
        call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamCompleted());
        call.expectAndReply("^STREAM FILE \"hotline/option-psychological-support\" \"0123\"",
                AgiReplies.streamInterruptedBy('0'));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        talks(call, WANG_FANG, "hotline-crisis-connecting", 2);

        assertEquals("key0-in-prompt", ivrOf("13900000103").path());
    }

    @Test
    void theInvalidKeyPromptTakesTheNextKeyAtOnce() throws Exception {
        hotline = servers.start(clock, Map.of(LI_WEI, "NOT_INUSE"));
        FakeAgiCall call = hotline.call("13900000104");
        answer(call);
        // the prompts take only the menu's keys: a wrong one can come only in the wait after them
        for (String command = call.nextCommand(); !command.startsWith("WAIT FOR DIGIT"); command = call.nextCommand()) {
            assertTrue(command.startsWith("STREAM FILE \"hotline/"), command);
            call.reply(AgiReplies.streamCompleted());
        }
        call.reply(AgiReplies.digit('7'));
        call.expectAndReply("^STREAM FILE \"hotline/invalid-key\" \"0123\"", AgiReplies.streamInterruptedBy('3'));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
        talks(call, LI_WEI, "hotline-connecting", 2);

        assertEquals(Optional.of(Category.HARDSHIP_ASSISTANCE), hotline.lastContact("13900000104").category());
        assertEquals("new", ivrOf("13900000104").path());
    }

    @Test
    void theDialectMenuIsSkippedWhenItsAnswerCannotChangeWhoGetsTheCall() throws Exception {
        // only wang.fang is signed in: whatever the caller's dialect, she takes the call
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), DIALECTS);
        FakeAgiCall call = hotline.call("13900000105");
        pressInTheWelcome(call, '1');
        talks(call, WANG_FANG, "hotline-connecting", 5);

        Contact contact = hotline.lastContact("13900000105");
        assertTrue(contact.log().stream().anyMatch(e -> e.entry().startsWith("dialect menu skipped")),
                contact.log().toString());
        IvrJourneyRecord ivr = ivrOf("13900000105");
        assertEquals("new", ivr.path());
        assertEquals(Optional.of(0L), ivr.tenthsToRinging(), "the key in the welcome, then the phone rings");
    }

    @Test
    void theSettingDialectMenuAlwaysAsksEveryNewCaller() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), DIALECTS,
                "--routing.dialect-menu-always=true");
        FakeAgiCall call = hotline.call("13900000106");
        pressInTheWelcome(call, '1');
        call.expect("^STREAM FILE \"hotline/dialect-mandarin\" \"01234\"");
        clock.advance(Duration.ofSeconds(3));
        call.reply(AgiReplies.streamInterruptedBy('4'));
        talks(call, WANG_FANG, "hotline-connecting", 5);

        assertEquals(Optional.of(30L), ivrOf("13900000106").tenthsToRinging());
    }

    @Test
    void aReturningCallerIsMeasuredOnTheirOwnPath() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"));
        for (int i = 0; i < 2; i++) {
            FakeAgiCall call = hotline.call("13900000107");
            answer(call);
            call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('1'));
            call.expectAndReply("^SET VARIABLE \"HOTLINE_CONTACT_ID\"", "200 result=1");
            talks(call, WANG_FANG, "hotline-connecting", 5);
            assertEquals(i == 0 ? "new" : "returning", ivrOf("13900000107").path());
            clock.advance(Duration.ofMinutes(20)); // out of wrap-up
        }
    }

    @Test
    void aCallerWhoPressesNothingHearsTheMenuOnceAndIsPutThroughWithoutTheDialectMenu() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE", LI_WEI, "NOT_INUSE"), DIALECTS);
        FakeAgiCall call = hotline.call("13900000108");
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("^EXEC \"Dial\"", AgiReplies.DIAL_AFTER_BRIDGE);
        rules.put("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        rules.put("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant()));
        List<String> dialogue = call.answerAll(rules, RunningHotline.WAIT);

        assertTrue(dialogue.stream().anyMatch(c -> c.startsWith("EXEC \"Dial\" \"" + WANG_FANG
                + ",20,m(hotline-connecting)")), dialogue.toString());
        assertEquals(1, dialogue.stream().filter(c -> c.contains("option-psychological-support")).count(),
                "one round of the menu: " + dialogue);
        assertEquals(List.of("WAIT FOR DIGIT 3000"), dialogue.stream().filter(c -> c.startsWith("WAIT")).toList());
        assertTrue(dialogue.stream().noneMatch(c -> c.contains("dialect-")), "no dialect menu: " + dialogue);
        assertEquals(Optional.of(Category.PSYCHOLOGICAL_SUPPORT), hotline.lastContact("13900000108").category());
        assertEquals("no-key", ivrOf("13900000108").path());
    }

    @Test
    void keyZeroDuringTheClosedNoticeRingsEveryPhoneInsteadOfOnlyTakingACallBack() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"),
                "--hours.weekly=sat 08:00-20:00", "--hours.closed-action=callback");
        FakeAgiCall call = hotline.call("13900000109");
        pressInTheWelcome(call, '2');
        call.expectAndReply("^STREAM FILE \"hotline/closed\" \"0\"", AgiReplies.streamInterruptedBy('0'));
        call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"fallback\"", "200 result=1");
        call.respondUntilClosed();

        Contact contact = hotline.lastContact("13900000109");
        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED), contact.disposition());
        assertEquals(1, hotline.followUps().forCase(contact.caseId()).size(), "the call-back stays");
        IvrJourneyRecord ivr = ivrOf("13900000109");
        assertEquals("key0-in-prompt", ivr.path());
        assertEquals("fallback", ivr.step());
    }

    @Test
    void keyZeroAfterAskingForACallBackKeepsTheCallerFirstInLine() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "INUSE"));
        FakeAgiCall call = hotline.call("13900000110");
        pressInTheWelcome(call, '1');
        intoTheQueue(call);
        call.reply(AgiReplies.digit('1'));
        call.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        call.expectAndReply("^STREAM FILE \"hotline/callback-confirmed\" \"0\"", AgiReplies.streamInterruptedBy('0'));
        call.expectAndReply("^EXEC \"StartMusicOnHold\"", AgiReplies.SUCCESS);
        call.expect("^WAIT FOR DIGIT");

        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        hotline.ami.awaitAction("PlayDTMF", RunningHotline.WAIT);
        call.reply(AgiReplies.digit('#'));
        call.expectAndReply("^EXEC \"StopMusicOnHold\"", AgiReplies.SUCCESS);
        talks(call, WANG_FANG, "hotline-crisis-connecting", 2);

        Contact contact = hotline.lastContact("13900000110");
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
        assertEquals("key0-in-prompt", ivrOf("13900000110").path());
    }

    @Test
    void aCallerWhoHangsUpInTheDialectMenuIsAbandonedInTheIvrNotAMissedOffer() throws Exception {
        FakeAgiCall call = intoTheDialectMenu("13900000111");
        clock.advance(Duration.ofSeconds(4));
        call.hangup();
        call.respondUntilClosed();

        IvrJourneyRecord ivr = ivrOf("13900000111");
        assertTrue(ivr.abandoned());
        assertEquals("dialect", ivr.step());
        assertEquals(Optional.empty(), ivr.ringingAt());
        RunningHotline.awaitCondition("the call's end", () -> hotline.lastContact("13900000111").endedAt().isPresent());
        Contact contact = hotline.lastContact("13900000111");
        assertEquals(Optional.of(Disposition.ABANDONED), contact.disposition());
        assertTrue(contact.offers().isEmpty(), "no counselor was offered the call");
        assertTrue(contact.log().stream().anyMatch(e -> e.entry().startsWith("caller hung up in the IVR at step dialect")),
                contact.log().toString());
        assertEquals(2, hotline.availableCount(), "nobody was held for the call");
    }
}
