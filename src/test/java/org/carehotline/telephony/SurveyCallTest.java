package org.carehotline.telephony;

import static org.carehotline.testing.FakeAmiServer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.Contact;
import org.carehotline.cases.RiskAssessment;
import org.carehotline.cases.RiskLevel;
import org.carehotline.cases.SurveyConsent;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Mode;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.SurveyAnswers;
import org.carehotline.followups.Surveys;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The satisfaction survey over real sockets: a case is closed, the scheduler originates to the
 * worker into [hotline-survey] (fake AMI), and the survey script runs (fake FastAGI).
 */
class SurveyCallTest {

    private static final String WANG_FANG = "PJSIP/6001";
    private static final String WORKER = "13900000301";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z"); // 16:00 in Shanghai
    private RunningHotline hotline;

    private void start(Map<String, String> devices, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--followups.enabled=true", "--followups.poll-seconds=1",
                "--surveys.enabled=true", "--surveys.delay-hours=0"));
        args.addAll(List.of(more));
        hotline = servers.start(clock, devices, args.toArray(String[]::new));
    }

    /** Asterisk reports the worker's leg: reason 4 answered (the script then runs), 3 no answer. */
    private void workerLeg(String response, String reason) {
        hotline.ami.onOriginate(Duration.ofMillis(200), action -> message("Response", response,
                "Channel", action.get("channel"), "Reason", reason, "Uniqueid", "1800000000.9"));
    }

    private CareCase openCase() {
        String callerId = new CallerRepository(hotline.app.store()).recordCall(WORKER, clock.instant()).id();
        return hotline.cases().open(callerId, WORKER, clock.instant());
    }

    private Surveys.Decision close(CareCase c) {
        assertTrue(new CaseWork(hotline.app.store()).close(c.id(), "wages paid", "wang", clock.instant()));
        return hotline.app.surveys().caseClosed(c.id());
    }

    private String closeAndSchedule(CareCase c) {
        Surveys.Decision d = close(c);
        assertEquals(Surveys.Skip.NONE, d.skip());
        return d.followUpId().orElseThrow();
    }

    private FakeAgiCall workerAnswers() {
        Map<String, String> originate = hotline.ami.awaitAction("Originate", RunningHotline.WAIT);
        assertEquals("PJSIP/" + WORKER + "@hotline-trunk", originate.get("channel"), "straight to the worker");
        assertEquals("hotline-survey", originate.get("context"));
        Map<String, String> vars = new HashMap<>();
        for (String pair : originate.get("variable").split("[\n,]")) {
            vars.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
        }
        FakeAgiCall call = FakeAgiCall.to(hotline.agiPort).script("survey").channel("PJSIP/hotline-trunk-00000041")
                .callerId(WORKER).connect();
        call.expectAndReply("^GET VARIABLE \"HOTLINE_FOLLOWUP_ID\"", AgiReplies.variable(vars.get("HOTLINE_FOLLOWUP_ID")));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_FOLLOWUP_CLAIM\"",
                AgiReplies.variable(vars.get("HOTLINE_FOLLOWUP_CLAIM")));
        return call;
    }

    private FollowUp followUp(String id) {
        return hotline.followUps().findById(id).orElseThrow();
    }

    private long surveysOf(CareCase c) {
        return hotline.followUps().forCase(c.id()).stream().filter(f -> f.mode() == Mode.SURVEY).count();
    }

    @Test
    void theWorkerAnswersBothQuestions() throws Exception {
        start(Map.of());
        workerLeg("Success", "4");
        CareCase c = openCase();
        String id = closeAndSchedule(c);
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/survey-satisfaction\" \"1234509\"", AgiReplies.streamInterruptedBy('4'));
        call.expectAndReply("^STREAM FILE \"hotline/survey-solved\" \"1209\"", AgiReplies.streamInterruptedBy('1'));
        call.expectAndReply("^STREAM FILE \"hotline/survey-thanks\"", AgiReplies.streamCompleted());
        call.respondUntilClosed();

        RunningHotline.awaitCondition("survey done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        FollowUp f = followUp(id);
        assertEquals(Outcome.SURVEY_ANSWERED, f.attempts().get(0).outcome());
        assertEquals(new SurveyAnswers(Optional.of(4), Optional.of(true)), hotline.app.surveys().answersOf(id));
        Contact contact = hotline.contacts().forCase(c.id()).get(0);
        assertEquals("survey_call", contact.kind(), "the survey call is on the case timeline");
        assertTrue(contact.endedAt().isPresent());
        assertEquals(Surveys.Skip.ALREADY_SURVEYED, hotline.app.surveys().caseClosed(c.id()).skip(),
                "a case is surveyed once, never twice");
        assertEquals(1, surveysOf(c));
    }

    @Test
    void pressingNineRefusesSurveysAndTheWorkerIsNeverCalledForOneAgain() throws Exception {
        start(Map.of());
        workerLeg("Success", "4");
        CareCase first = openCase();
        String id = closeAndSchedule(first);
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/survey-satisfaction\" \"1234509\"", AgiReplies.streamInterruptedBy('9'));
        call.expectAndReply("^STREAM FILE \"hotline/survey-refused\"", AgiReplies.streamCompleted());
        call.respondUntilClosed();

        RunningHotline.awaitCondition("survey closed", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.SURVEY_REFUSED, followUp(id).attempts().get(0).outcome());
        assertTrue(new SurveyConsent(hotline.app.store()).refusesByPhone(WORKER), "marked on the worker's record");

        CareCase second = openCase();
        assertEquals(Surveys.Skip.REFUSES_SURVEYS, close(second).skip());
        assertEquals(0, surveysOf(second), "no survey for the worker's next case");
        clock.advance(Duration.ofHours(3));
        Thread.sleep(1500); // a scheduler poll or more
        assertEquals(1, hotline.ami.actions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("Action")))
                .count(), "dialed once, for the survey they refused");
    }

    @Test
    void aWorkerWhoRefusedBeforehandGetsNoSurvey() throws Exception {
        start(Map.of());
        CareCase c = openCase();
        hotline.app.surveys().setRefuses(c.callerId().orElseThrow(), WORKER, true, "wang");
        assertEquals(Surveys.Skip.REFUSES_SURVEYS, close(c).skip());
        assertEquals(0, surveysOf(c));
    }

    @Test
    void refusingInTheConsoleCallsOffAWaitingSurvey() throws Exception {
        start(Map.of(), "--surveys.delay-hours=48");
        CareCase c = openCase();
        String id = closeAndSchedule(c);
        assertEquals(FollowUpStatus.PENDING, followUp(id).status());
        assertEquals(1, hotline.app.surveys().setRefuses(c.callerId().orElseThrow(), WORKER, true, "wang"));
        assertEquals(FollowUpStatus.CANCELLED, followUp(id).status());
    }

    @Test
    void aRefusalThatMissedTheCancelStillStopsTheCallAtDialTime() throws Exception {
        start(Map.of(), "--surveys.delay-hours=48");
        CareCase c = openCase();
        String id = closeAndSchedule(c);
        // as if the flag was set while a scheduler held the survey (the console's cancel needs it pending)
        new SurveyConsent(hotline.app.store()).refuseByPhone(WORKER, "wang", clock.instant());
        clock.advance(Duration.ofHours(48));
        RunningHotline.awaitCondition("called off", () -> followUp(id).status().equals(FollowUpStatus.CANCELLED));
        assertTrue(hotline.ami.actions().stream().noneMatch(a -> "Originate".equalsIgnoreCase(a.get("Action"))),
                "the worker's phone never rang");
        assertTrue(hotline.contacts().forCase(c.id()).isEmpty());
    }

    @Test
    void noAnswerIsTriedAgainThenClosedAsNotReached() throws Exception {
        start(Map.of());
        workerLeg("Failure", "3");
        CareCase c = openCase();
        String id = closeAndSchedule(c);
        Instant closedAt = clock.instant();
        assertEquals(closedAt, followUp(id).dueAt(), "delay 0 inside the window: due at once");
        hotline.ami.awaitAction("Originate", RunningHotline.WAIT);
        RunningHotline.awaitCondition("first attempt recorded", () -> !followUp(id).attempts().isEmpty());
        FollowUp f = followUp(id);
        assertEquals(FollowUpStatus.PENDING, f.status());
        assertEquals(Outcome.NO_ANSWER, f.attempts().get(0).outcome());
        assertEquals(closedAt.plus(Duration.ofHours(2)), f.dueAt(), "retried after followups.retry.no-answer-minutes");

        clock.advance(Duration.ofHours(2));
        hotline.ami.awaitAction("Originate", RunningHotline.WAIT);
        RunningHotline.awaitCondition("closed", () -> followUp(id).status().equals(FollowUpStatus.UNREACHABLE));
        assertEquals(2, followUp(id).attemptsMade(), "surveys.max-attempts default 2");
        assertEquals(2, hotline.contacts().forCase(c.id()).size(), "each attempt is a contact on the timeline");
    }

    @Test
    void aHighRiskCaseIsNotSurveyedUnlessACounselorAllowsIt() throws Exception {
        start(Map.of());
        CareCase risky = openCase();
        CaseWork work = new CaseWork(hotline.app.store());
        work.assessRisk(risky.id(), new RiskAssessment(true, true, true, RiskLevel.Timeframe.DAYS, "", RiskLevel.HIGH,
                "wang", "王芳", clock.instant()));
        assertEquals(Surveys.Skip.HIGH_RISK, close(risky).skip());
        assertEquals(0, surveysOf(risky));

        CareCase allowed = hotline.cases().open(risky.callerId().orElseThrow(), WORKER, clock.instant());
        work.assessRisk(allowed.id(), new RiskAssessment(true, true, true, RiskLevel.Timeframe.TODAY, "",
                RiskLevel.IMMINENT, "wang", "王芳", clock.instant()));
        hotline.app.surveys().allowDespiteRisk(allowed.id(), true, "wang");
        Surveys.Decision d = close(allowed);
        assertEquals(Surveys.Skip.NONE, d.skip());
        assertTrue(followUp(d.followUpId().orElseThrow()).highRisk());
    }

    @Test
    void zeroPutsTheWorkerThroughToACounselorWithPriority() throws Exception {
        start(Map.of(WANG_FANG, "NOT_INUSE"));
        workerLeg("Success", "4");
        CareCase c = openCase();
        String id = closeAndSchedule(c);
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/survey-satisfaction\" \"1234509\"", AgiReplies.streamInterruptedBy('2'));
        call.expectAndReply("^STREAM FILE \"hotline/survey-solved\" \"1209\"", AgiReplies.streamInterruptedBy('0'));
        call.expectAndReply("^EXEC \"Dial\" \"" + WANG_FANG + ",20,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(180)));
        call.respondUntilClosed();

        RunningHotline.awaitCondition("survey done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.SURVEY_TALK, followUp(id).attempts().get(0).outcome());
        assertEquals(new SurveyAnswers(Optional.of(2), Optional.empty()), hotline.app.surveys().answersOf(id),
                "the score given before 0 is kept");
        Contact contact = hotline.contacts().forCase(c.id()).get(0);
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
        assertEquals(Optional.of(180L), contact.talkSeconds());
    }

    @Test
    void zeroPrefersTheCounselorOfTheCase() throws Exception {
        start(Map.of(WANG_FANG, "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        workerLeg("Success", "4");
        CareCase c = openCase();
        new CaseWork(hotline.app.store()).assign(c.id(), hotline.counselorId("li.wei"), "sun", clock.instant());
        String id = closeAndSchedule(c);
        assertEquals(hotline.counselorId("li.wei"), followUp(id).assignee(), "the survey is about the case's owner");
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/survey-satisfaction\" \"1234509\"", AgiReplies.streamInterruptedBy('0'));
        // 王芳 has the higher skill; 李伟 had the case
        call.expectAndReply("^EXEC \"Dial\" \"PJSIP/6002,20,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(60)));
        call.respondUntilClosed();

        RunningHotline.awaitCondition("survey done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.SURVEY_TALK, followUp(id).attempts().get(0).outcome());
        assertEquals(SurveyAnswers.NONE, hotline.app.surveys().answersOf(id));
    }

    @Test
    void aHangUpAfterTheFirstAnswerKeepsIt() throws Exception {
        start(Map.of());
        workerLeg("Success", "4");
        CareCase c = openCase();
        String id = closeAndSchedule(c);
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/survey-satisfaction\" \"1234509\"", AgiReplies.streamInterruptedBy('3'));
        call.expect("^STREAM FILE \"hotline/survey-solved\"");
        call.hangup();
        call.respondUntilClosed();

        RunningHotline.awaitCondition("survey done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.SURVEY_ANSWERED, followUp(id).attempts().get(0).outcome(), "answered, not retried");
        assertEquals(new SurveyAnswers(Optional.of(3), Optional.empty()), hotline.app.surveys().answersOf(id));
    }

    @Test
    void surveysAreOffByDefault() throws Exception {
        hotline = servers.start(clock, Map.of(), "--followups.enabled=true");
        CareCase c = openCase();
        assertEquals(Surveys.Skip.DISABLED, close(c).skip());
        assertFalse(hotline.followUps().forCase(c.id()).stream().anyMatch(f -> f.mode() == Mode.SURVEY));
    }
}
