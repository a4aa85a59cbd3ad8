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
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Mode;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.ScheduleRequest;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The automated check-in over real sockets: originated to the worker through the trunk, then the checkin script. */
class CheckinCallTest {

    private static final String WANG_FANG = "PJSIP/6001";
    private static final String WORKER = "13900000201";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z"); // 16:00 in Shanghai
    private RunningHotline hotline;

    private String scheduleCheckin() {
        hotline.ami.onOriginate(Duration.ofMillis(200), action -> message("Response", "Success",
                "Channel", action.get("channel"), "Reason", "4", "Uniqueid", "1800000000.9"));
        String callerId = new CallerRepository(hotline.app.store()).recordCall(WORKER, clock.instant()).id();
        CareCase careCase = hotline.cases().open(callerId, WORKER, clock.instant());
        return hotline.app.followUps().schedule(ScheduleRequest.at(careCase.id(), clock.instant(), "weekly check-in")
                .as(Mode.CHECKIN));
    }

    private FakeAgiCall workerAnswers() {
        Map<String, String> originate = hotline.ami.awaitAction("Originate", RunningHotline.WAIT);
        assertEquals("PJSIP/" + WORKER + "@hotline-trunk", originate.get("channel"), "straight to the worker");
        assertEquals("hotline-checkin", originate.get("context"));
        Map<String, String> vars = new HashMap<>();
        for (String pair : originate.get("variable").split("[\n,]")) {
            vars.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
        }
        FakeAgiCall call = FakeAgiCall.to(hotline.agiPort).script("checkin").channel("PJSIP/hotline-trunk-00000031")
                .callerId(WORKER).connect();
        call.expectAndReply("^GET VARIABLE \"HOTLINE_FOLLOWUP_ID\"", AgiReplies.variable(vars.get("HOTLINE_FOLLOWUP_ID")));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_FOLLOWUP_CLAIM\"",
                AgiReplies.variable(vars.get("HOTLINE_FOLLOWUP_CLAIM")));
        return call;
    }

    private FollowUp followUp(String id) {
        return hotline.followUps().findById(id).orElseThrow();
    }

    @Test
    void theWorkerPressesOneAllRight() throws Exception {
        hotline = servers.start(clock, Map.of(), "--followups.enabled=true", "--followups.poll-seconds=1");
        String id = scheduleCheckin();
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/checkin\" \"12\"", AgiReplies.streamInterruptedBy('1'));
        call.expectAndReply("^STREAM FILE \"hotline/checkin-thanks\"", AgiReplies.streamCompleted());
        call.respondUntilClosed();

        RunningHotline.awaitCondition("check-in done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.CHECKIN_OK, followUp(id).attempts().get(0).outcome());
        Contact contact = hotline.contacts().forCase(followUp(id).caseId()).get(0);
        assertEquals("checkin_call", contact.kind(), "the check-in is on the case timeline");
        assertTrue(contact.endedAt().isPresent());
    }

    @Test
    void theWorkerPressesTwoAndIsPutThroughToACounselorWithPriority() throws Exception {
        hotline = servers.start(clock, Map.of(WANG_FANG, "NOT_INUSE"), "--followups.enabled=true", "--followups.poll-seconds=1");
        String id = scheduleCheckin();
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/checkin\" \"12\"", AgiReplies.streamInterruptedBy('2'));
        call.expectAndReply("^EXEC \"Dial\" \"" + WANG_FANG + ",20,m\\(hotline-connecting\\)U\\(hotline-answered\\)\"", AgiReplies.SUCCESS);
        call.expectAndReply("^GET VARIABLE \"DIALSTATUS\"", AgiReplies.variable("ANSWER"));
        call.expectAndReply("^GET VARIABLE \"HOTLINE_ANSWERED_AT\"", AgiReplies.answeredAt(clock.instant().minusSeconds(240)));
        call.respondUntilClosed();

        RunningHotline.awaitCondition("check-in done", () -> followUp(id).status().equals(FollowUpStatus.DONE));
        assertEquals(Outcome.CHECKIN_TALK, followUp(id).attempts().get(0).outcome());
        Contact contact = hotline.contacts().forCase(followUp(id).caseId()).get(0);
        assertEquals(Optional.of(hotline.counselorId("wang.fang")), contact.answeredBy());
        assertEquals(Optional.of(240L), contact.talkSeconds());
    }

    @Test
    void noKeyPressedIsTriedAgainLater() throws Exception {
        hotline = servers.start(clock, Map.of(), "--followups.enabled=true", "--followups.poll-seconds=1");
        String id = scheduleCheckin();
        FakeAgiCall call = workerAnswers();
        call.expectAndReply("^STREAM FILE \"hotline/checkin\" \"12\"", AgiReplies.streamCompleted());
        call.expectAndReply("^WAIT FOR DIGIT", AgiReplies.WAIT_TIMEOUT);
        call.expectAndReply("^STREAM FILE \"hotline/checkin\" \"12\"", AgiReplies.streamCompleted());
        call.expectAndReply("^WAIT FOR DIGIT", AgiReplies.WAIT_TIMEOUT);
        call.expectAndReply("^STREAM FILE \"hotline/goodbye\"", AgiReplies.streamCompleted());
        call.respondUntilClosed();

        RunningHotline.awaitCondition("retry scheduled", () -> !followUp(id).attempts().isEmpty());
        FollowUp f = followUp(id);
        assertEquals(FollowUpStatus.PENDING, f.status());
        assertEquals(Outcome.CHECKIN_NO_RESPONSE, f.attempts().get(0).outcome());
        assertEquals(clock.instant().plusSeconds(3 * 3600), f.dueAt());
    }
}
