package org.carehotline.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.Contact;
import org.carehotline.counselors.Counselor;
import org.carehotline.followups.FollowUpChanges.Result;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counselor's changes to follow-ups (reschedule, cancel, an attempt recorded by hand) against
 * the real scheduler on the embedded store: never under a scheduler's claim, and a manual
 * attempt follows the same retry rule as a dialed one.
 */
class FollowUpChangesTest {

    private static final Counselor WANG = FollowUpFixture.WANG;
    private static final Counselor LI = FollowUpFixture.LI;

    @TempDir
    Path dir;
    // Monday 10:00 in Shanghai
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private FollowUpFixture f;

    @BeforeEach
    void start() {
        f = new FollowUpFixture(dir, clock, List.of(WANG, LI));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String scheduleNow(String phone, boolean highRisk) {
        return f.service.schedule(ScheduleRequest.at(f.workerCase(phone, highRisk, null).id(), clock.instant(), "check")
                .assignedTo("pool"));
    }

    @Test
    void reschedulingMovesAWaitingFollowUpIntoItsWindowAndCanGiveItToSomeoneElse() {
        String id = scheduleNow("13900000101", false);
        Instant tonight = Instant.parse("2026-11-23T14:30:00Z"); // 22:30 in Shanghai, after the window
        assertEquals(Result.CHANGED, f.changes.reschedule(id, tonight, Optional.of("li"), "wang.fang"));
        FollowUp moved = f.get(id);
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), moved.dueAt(), "09:00 the next morning");
        assertEquals(moved.dueAt(), moved.attemptDueAt(), "the owner's grace period counts from the new time");
        assertEquals("li", moved.assignee());
        assertTrue(moved.note().orElseThrow().contains("rescheduled by wang.fang"), moved.note().toString());
        assertEquals(Result.CHANGED, f.changes.reschedule(id, tonight, Optional.empty(), "li.wei"));
        assertEquals("li", f.get(id).assignee(), "empty keeps the assignee");
        assertEquals(Result.NOT_FOUND, f.changes.reschedule("000000000000000000000000", tonight, Optional.empty(), "x"));
    }

    @Test
    void cancelRescheduleAndManualOutcomesAreRefusedWhileTheFollowUpIsBeingDialed() throws Exception {
        f.free(WANG);
        String id = scheduleNow("13900000102", false);
        f.poll();
        CallbackOrder order = f.dialer.last();
        assertEquals(FollowUpStatus.CLAIMED, f.get(id).status());

        assertEquals(Result.BEING_DIALED, f.changes.cancel(id, "worker asked", "wang"));
        assertEquals(Result.BEING_DIALED, f.changes.reschedule(id, clock.instant().plus(Duration.ofDays(1)),
                Optional.empty(), "wang"));
        assertEquals(Result.BEING_DIALED, f.changes.recordManualAttempt(id, Outcome.REACHED, "wang", 60, ""));
        FollowUp untouched = f.get(id);
        assertEquals(FollowUpStatus.CLAIMED, untouched.status());
        assertEquals(order.claimToken(), untouched.claimToken().orElseThrow(), "the scheduler's claim is intact");
        assertEquals(clock.instant(), untouched.dueAt());
        assertEquals(1, f.contacts.forCase(untouched.caseId()).size(), "no manual contact beside the dialed one");

        ActiveCall call = f.outcomes.counselorAnswered(id, order.claimToken()).orElseThrow();
        f.outcomes.callEnded(call, Outcome.REACHED, 300, "DIALSTATUS ANSWER");
        assertEquals(Result.CLOSED, f.changes.cancel(id, "too late", "wang"));
        assertEquals(FollowUpStatus.DONE, f.get(id).status());
    }

    @Test
    void aCancelledFollowUpKeepsWhoAndWhyAndIsNeverDialed() throws Exception {
        f.free(WANG);
        String id = scheduleNow("13900000103", false);
        assertEquals(Result.CHANGED, f.changes.cancel(id, "工人已返乡，不需要回访", "wang"));
        assertEquals(0, f.poll());
        assertTrue(f.dialer.calls.isEmpty());
        FollowUp cancelled = f.get(id);
        assertEquals(FollowUpStatus.CANCELLED, cancelled.status());
        Document stored = f.store.database().getCollection("followups")
                .find(new Document("_id", new org.bson.types.ObjectId(id))).first();
        assertEquals("工人已返乡，不需要回访", stored.getString("cancelReason"));
        assertEquals("wang", stored.getString("cancelledBy"));
        assertEquals(Result.CLOSED, f.changes.reschedule(id, clock.instant(), Optional.empty(), "wang"));
        assertEquals(Result.CLOSED, f.changes.cancel(id, "again", "wang"));
    }

    @Test
    void cancellingWhileSchedulersClaimNeverCancelsAFollowUpThatWasDialed() throws Exception {
        f.free(WANG);
        f.free(LI);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(scheduleNow(String.format("139000002%02d", i), false));
        }
        Map<String, Result> results = new ConcurrentHashMap<>();
        f.scheduler.start();
        // cancel while the scheduler is at work: some are being dialed, others claimed and given back
        org.carehotline.support.RunningHotline.awaitCondition("a first dial", () -> !f.dialer.calls.isEmpty());
        for (String id : ids) {
            results.put(id, f.changes.cancel(id, "race", "wang"));
        }
        f.scheduler.close();
        for (String id : ids) {
            FollowUp after = f.get(id);
            boolean dialed = f.dialer.perFollowUp.containsKey(id);
            if (results.get(id) == Result.CHANGED) {
                assertEquals(FollowUpStatus.CANCELLED, after.status(), id);
                assertTrue(!dialed, "a cancelled follow-up is never dialed: " + id);
            } else {
                assertEquals(Result.BEING_DIALED, results.get(id), id);
                assertTrue(!FollowUpStatus.CANCELLED.equals(after.status()), "refused means untouched: " + id);
            }
        }
        assertTrue(f.dialer.calls.size() <= 2, "two counselors, each rung once at most: " + f.dialer.calls.size());
        assertTrue(results.containsValue(Result.CHANGED) && results.containsValue(Result.BEING_DIALED),
                "both sides of the race were met: " + results.values());
    }

    @Test
    void aManualNoAnswerCountsAsAnAttemptAndIsRetriedByTheRuleAsAContactOnTheCase() {
        String id = scheduleNow("13900000104", false);
        assertEquals(Result.CHANGED, f.changes.recordManualAttempt(id, Outcome.NO_ANSWER, "wang", 0, "打了两次没人接"));
        FollowUp after = f.get(id);
        assertEquals(FollowUpStatus.PENDING, after.status());
        assertEquals(1, after.attemptsMade());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), after.dueAt(), "no answer: two hours later");
        assertTrue(after.claimToken().isEmpty(), "the claim is given back");
        Attempt attempt = after.attempts().get(0);
        assertEquals(Outcome.NO_ANSWER, attempt.outcome());
        assertEquals(Optional.of("wang"), attempt.counselorId());
        assertTrue(attempt.counted());
        assertTrue(attempt.detail().contains("打了两次没人接"), attempt.detail());

        Contact contact = f.contacts.forCase(after.caseId()).get(0);
        assertEquals("followup_manual", contact.kind());
        assertEquals(attempt.contactId(), Optional.of(contact.id()));
        assertTrue(contact.endedAt().isPresent(), "finished at once");
        assertEquals(1, f.cases.findById(after.caseId()).orElseThrow().contactCount());
        assertTrue(f.dialer.calls.isEmpty(), "nothing was dialed");
    }

    @Test
    void aManualReachClosesTheFollowUpAndTheLastManualMissEscalatesAHighRiskWorker() {
        String calm = scheduleNow("13900000105", false);
        assertEquals(Result.CHANGED, f.changes.recordManualAttempt(calm, Outcome.REACHED, "wang", 600, ""));
        assertEquals(FollowUpStatus.DONE, f.get(calm).status());
        Contact reached = f.contacts.forCase(f.get(calm).caseId()).get(0);
        assertEquals(Optional.of("wang"), reached.answeredBy(), "the counselor talked with the worker");
        assertEquals(Optional.of(600L), reached.talkSeconds());

        String risky = scheduleNow("13900000106", true);
        for (int i = 0; i < f.rules.maxAttempts(); i++) {
            assertEquals(Result.CHANGED, f.changes.recordManualAttempt(risky, Outcome.BUSY, "wang", 0, ""));
        }
        assertEquals(FollowUpStatus.ESCALATED, f.get(risky).status());
        assertEquals(1, f.live.alerts.size(), "supervisors alerted, as after dialed attempts");
        assertEquals(Result.CLOSED, f.changes.recordManualAttempt(risky, Outcome.REACHED, "wang", 0, ""));
    }

    @Test
    void onlyOutcomesOfACallToTheWorkerAreRecordedByHand() {
        String id = scheduleNow("13900000107", false);
        assertThrows(IllegalArgumentException.class,
                () -> f.changes.recordManualAttempt(id, Outcome.COUNSELOR_NO_ANSWER, "wang", 0, ""));
        assertEquals(FollowUpStatus.PENDING, f.get(id).status());
        assertNull(f.get(id).claimToken().orElse(null));
    }

    @Test
    void aRefusedPlanStoresNothing() {
        CareCase risky = f.workerCase("13900000108", true, null);
        FollowUpService.Refused refused = assertThrows(FollowUpService.Refused.class, () -> f.service.schedulePlan(
                "after-crisis", ScheduleRequest.at(risky.id(), clock.instant(), "x").as(Mode.CHECKIN)));
        assertEquals(FollowUpService.Refused.CHECKIN_HIGH_RISK, refused.code());
        assertEquals(FollowUpService.Refused.UNKNOWN_PLAN, assertThrows(FollowUpService.Refused.class,
                () -> f.service.schedulePlan("nope", ScheduleRequest.at(risky.id(), clock.instant(), "x"))).code());
        assertTrue(f.service.forCase(risky.id()).isEmpty());
        assertEquals(List.of("after-crisis", "hardship-pairing"), f.service.planIds());
    }
}
