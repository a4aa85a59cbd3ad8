package org.carehotline.telephony;

import static org.carehotline.testing.FakeAmiServer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.Contact;
import org.carehotline.cases.FollowUpContactRepository;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.ScheduleRequest;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Follow-up calls over real sockets: the scheduler originates through the fake AMI (which
 * answers like Asterisk, then sends OriginateResponse), and the counselor's answered leg runs
 * the callback script, played by the FastAGI fake.
 */
class FollowUpCallTest {

    private static final String WANG_FANG = "PJSIP/6001";
    private static final String WORKER = "13900000101";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z"); // 16:00 in Shanghai
    private RunningHotline hotline;

    /** Asterisk answers Originate at once and reports the leg later with OriginateResponse. */
    private void originateAnswers(String response, String reason) {
        // the counselor's phone rings a moment before it answers (or fails): only then the event
        hotline.ami.onOriginate(Duration.ofMillis(200), action -> message("Response", response,
                "Channel", action.get("channel"), "Context", "hotline-callback", "Exten", "s", "Reason", reason,
                "Uniqueid", "1800000000.5", "CallerIDNum", "<unknown>", "CallerIDName", "<unknown>"));
    }

    private String scheduleForThePool() {
        String callerId = new CallerRepository(hotline.app.store()).recordCall(WORKER, clock.instant()).id();
        CareCase careCase = hotline.cases().open(callerId, WORKER, clock.instant());
        return hotline.app.followUps().schedule(ScheduleRequest.at(careCase.id(), clock.instant(), "check on him")
                .assignedTo("pool"));
    }

    private static Map<String, String> variables(Map<String, String> originate) {
        Map<String, String> vars = new HashMap<>();
        for (String pair : originate.get("variable").split("[\n,]")) {
            int eq = pair.indexOf('=');
            vars.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return vars;
    }

    /** The counselor answered: [hotline-callback] runs the callback script, which whispers and dials the worker. */
    private String counselorLegDialsTheWorker(Map<String, String> vars, String dialStatus, String answered, String cause) {
        FakeAgiCall leg = FakeAgiCall.to(hotline.agiPort).script("callback").channel("PJSIP/6001-00000007")
                .callerId("13900000101").connect();
        leg.expectAndReply("^GET VARIABLE \"HOTLINE_FOLLOWUP_ID\"", AgiReplies.variable(vars.get("HOTLINE_FOLLOWUP_ID")));
        leg.expectAndReply("^GET VARIABLE \"HOTLINE_FOLLOWUP_CLAIM\"",
                AgiReplies.variable(vars.get("HOTLINE_FOLLOWUP_CLAIM")));
        leg.expectAndReply("^STREAM FILE \"hotline/callback-whisper\"", AgiReplies.streamCompleted());
        leg.expectAndReply("^EXEC \"Dial\" \"PJSIP/" + WORKER + "@hotline-trunk,40,U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        leg.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable(dialStatus));
        if (answered != null) {
            leg.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"",
                    AgiReplies.answeredAt(clock.instant().minusSeconds(Long.parseLong(answered))));
        }
        leg.expectAndReply("^GET VARIABLE \"HANGUPCAUSE\"", AgiReplies.variable(cause));
        leg.respondUntilClosed();
        return leg.uniqueId();
    }

    private FollowUp followUp(String id) {
        return hotline.followUps().findById(id).orElseThrow();
    }

    private Optional<String> outcomeOnTimeline(FollowUp f) {
        String contactId = f.attempts().get(f.attempts().size() - 1).contactId().orElseThrow();
        return new FollowUpContactRepository(hotline.app.store()).outcome(contactId);
    }

    @Test
    void theCounselorAnswersThenTheWorkerAnswersAndTheFollowUpIsDone() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), "--followups.enabled=true", "--followups.poll-seconds=1");
        originateAnswers("Success", "4");
        String id = scheduleForThePool();

        Map<String, String> originate = hotline.ami.awaitAction("Originate", RunningHotline.WAIT);
        assertEquals(WANG_FANG, originate.get("channel"), "the counselor's phone rings first");
        assertEquals("hotline-callback", originate.get("context"));
        assertEquals("s", originate.get("exten"));
        assertEquals("true", originate.get("async"));
        Map<String, String> vars = variables(originate);
        assertEquals(id, vars.get("HOTLINE_FOLLOWUP_ID"));
        assertEquals(WORKER, vars.get("HOTLINE_WORKER_NUMBER"));
        assertEquals(followUp(id).caseId(), vars.get("HOTLINE_CASE_ID"));
        String wang = hotline.counselorId("wang.fang");
        assertEquals(PresenceState.RINGING, hotline.app.router().states().get(wang));
        // Asterisk reports the originated leg's answer as a DialEnd without a caller channel:
        // it must not be taken for an inbound call's answer on some contact; the phone in use is
        // what shows the counselor on the call
        hotline.ami.sendEvent("DialEnd", "DestChannel", "PJSIP/6001-00000007", "DialStatus", "ANSWER");
        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "INUSE");
        RunningHotline.awaitCondition("counselor on the call",
                () -> hotline.app.router().states().get(wang) == PresenceState.ON_CALL);
        assertTrue(hotline.contacts().forCase(followUp(id).caseId()).get(0).answeredAt().isEmpty(),
                "nobody answered the worker yet");

        String legUniqueId = counselorLegDialsTheWorker(vars, "ANSWER", "300", "16");

        RunningHotline.awaitCondition("follow-up done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.REACHED, followUp(id).attempts().get(0).outcome());
        Contact contact = hotline.contacts().forCase(followUp(id).caseId()).get(0);
        org.bson.Document stored = hotline.app.store().database().getCollection(
                org.carehotline.store.CollectionNames.CONTACTS).find(new org.bson.Document("_id",
                new org.bson.types.ObjectId(contact.id()))).first();
        assertEquals(legUniqueId, stored.getString("channelUniqueId"), "Asterisk's id of the originated leg");
        assertEquals(legUniqueId, stored.getString("linkedId"));
        assertEquals("followup_call", contact.kind());
        assertEquals(Optional.of(wang), contact.answeredBy());
        assertEquals(Optional.of(300L), contact.talkSeconds());
        assertEquals(PresenceState.ON_CALL, hotline.app.router().states().get(wang), "until the phone is put down");
        hotline.ami.sendEvent("DeviceStateChange", "Device", WANG_FANG, "State", "NOT_INUSE");
        RunningHotline.awaitCondition("wrap-up once the phone is idle",
                () -> hotline.app.router().states().get(wang) == PresenceState.WRAP_UP);
    }

    @Test
    void aBusyWorkerIsTriedAgainLaterInTheWindow() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), "--followups.enabled=true", "--followups.poll-seconds=1");
        originateAnswers("Success", "4");
        String id = scheduleForThePool();
        Map<String, String> vars = variables(hotline.ami.awaitAction("Originate", RunningHotline.WAIT));

        counselorLegDialsTheWorker(vars, "BUSY", null, "17");

        RunningHotline.awaitCondition("retry scheduled", () -> followUp(id).status().equals(FollowUpStatus.PENDING));
        FollowUp f = followUp(id);
        assertEquals(1, f.attemptsMade());
        assertEquals(clock.instant().plus(Duration.ofMinutes(20)), f.dueAt(), "busy: again in 20 minutes");
        assertEquals(Optional.of("busy"), outcomeOnTimeline(f));
    }

    @Test
    void aCounselorWhoDoesNotAnswerIsNotCountedAsTheWorkersAttempt() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), "--followups.enabled=true", "--followups.poll-seconds=1");
        originateAnswers("Failure", "3");
        String id = scheduleForThePool();
        hotline.ami.awaitAction("Originate", RunningHotline.WAIT);

        RunningHotline.awaitCondition("retry scheduled", () -> followUp(id).status().equals(FollowUpStatus.PENDING)
                && !followUp(id).attempts().isEmpty());
        FollowUp f = followUp(id);
        assertEquals(0, f.attemptsMade(), "the worker's phone never rang");
        assertEquals(Outcome.COUNSELOR_NO_ANSWER, f.attempts().get(0).outcome());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), f.dueAt());
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(hotline.counselorId("wang.fang")),
                "the counselor is released");
        assertTrue(hotline.ami.actions().stream().filter(a -> "Originate".equalsIgnoreCase(a.get("Action"))).count() == 1,
                "not dialed again before the retry time");
    }
}
