package org.carehotline.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.Category;
import org.carehotline.cases.Contact;
import org.carehotline.counselors.Counselor;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler with the embedded store, a real router and a clock the test moves. */
class FollowUpSchedulerTest {

    private static final Counselor WANG = FollowUpFixture.WANG;
    private static final Counselor LI = FollowUpFixture.LI;

    @TempDir
    Path dir;
    // Monday 10:00 in Shanghai
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private FollowUpFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    private void start() {
        f = new FollowUpFixture(dir, clock, List.of(WANG, LI));
    }

    @Test
    void aFollowUpDueAtNightWaitsForTheMorningInTheWorkersOwnZone() throws Exception {
        start();
        f.free(WANG);
        clock.set(Instant.parse("2026-11-23T14:00:00Z")); // 22:00 in Shanghai, 20:00 in Urumqi
        CareCase shanghai = f.workerCase("13900000001", false, null);
        CareCase urumqi = f.workerCase("13900000002", false, null);
        String tonight = f.service.schedule(ScheduleRequest.at(shanghai.id(), clock.instant(), "check").assignedTo("pool"));
        String west = f.service.schedule(ScheduleRequest.at(urumqi.id(), clock.instant(), "check").assignedTo("pool")
                .inZone(ZoneId.of("Asia/Urumqi"), List.of()));

        assertEquals(1, f.poll(), "only the worker for whom it is 20:00 is due");
        assertEquals(west, f.dialer.last().followUpId());
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), f.get(tonight).dueAt(), "09:00 next morning in Shanghai");
    }

    @Test
    void aFollowUpClaimedAfterTheWindowClosedIsNotDialedButWaitsForTheNextOpening() throws Exception {
        start();
        f.busy(WANG);
        f.busy(LI);
        clock.set(Instant.parse("2026-11-23T12:50:00Z")); // 20:50 in Shanghai
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000003", false, null).id(),
                clock.instant(), "check").assignedTo("pool"));
        f.poll(); // nobody free: waits
        clock.advance(Duration.ofMinutes(15)); // 21:05: a counselor is free, but the window is closed
        f.free(WANG);
        f.poll();
        assertTrue(f.dialer.calls.isEmpty(), "never dialed outside the window");
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), f.get(id).dueAt());
        assertEquals(PresenceState.AVAILABLE, f.router.states().get("wang"), "the counselor was not held");
    }

    @Test
    void preferredTimesNarrowTheWindowAndRetriesLandInsideThem() throws Exception {
        start();
        f.free(WANG);
        CareCase c = f.workerCase("13900000004", false, "wang");
        String id = f.service.schedule(ScheduleRequest.at(c.id(), clock.instant(), "check")
                .inZone(FollowUpFixture.SHANGHAI, List.of(TimeRange.parse("12:00-13:00"), TimeRange.parse("19:00-23:00"))));
        assertEquals(Instant.parse("2026-11-23T04:00:00Z"), f.get(id).dueAt(), "12:00, the first preferred time");
        clock.set(f.get(id).dueAt());
        f.poll();
        CallbackOrder order = f.dialer.last();
        assertEquals("wang", order.counselorId(), "the case's counselor calls");
        clock.advance(Duration.ofMinutes(10));
        ActiveCall call = f.outcomes.counselorAnswered(order.followUpId(), order.claimToken()).orElseThrow();
        f.outcomes.callEnded(call, Outcome.NO_ANSWER, 0, "DIALSTATUS NOANSWER");
        // 12:10 + 2 h = 14:10, outside both preferred ranges: the evening range opens at 19:00
        assertEquals(Instant.parse("2026-11-23T11:00:00Z"), f.get(id).dueAt());
        assertEquals(1, f.get(id).attemptsMade());
    }

    @Test
    void eachOutcomeHasItsDelayAndACounselorWhoDoesNotAnswerIsNotTheWorkersAttempt() throws Exception {
        start();
        f.free(WANG);
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000005", false, null).id(),
                clock.instant(), "check").assignedTo("pool"));
        f.poll();
        f.outcomes.counselorLegFailed(f.dialer.last(), true, "reason 3");
        FollowUp afterMiss = f.get(id);
        assertEquals(0, afterMiss.attemptsMade(), "the worker was never dialed");
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), afterMiss.dueAt());
        assertEquals(PresenceState.AVAILABLE, f.router.states().get("wang"), "released after one miss");

        clock.set(afterMiss.dueAt());
        f.poll();
        ActiveCall call = f.outcomes.counselorAnswered(id, f.dialer.last().claimToken()).orElseThrow();
        assertEquals(PresenceState.ON_CALL, f.router.states().get("wang"));
        f.outcomes.callEnded(call, Outcome.BUSY, 0, "DIALSTATUS BUSY");
        assertEquals(1, f.get(id).attemptsMade());
        assertEquals(clock.instant().plus(Duration.ofMinutes(20)), f.get(id).dueAt());

        clock.set(f.get(id).dueAt().plus(Duration.ofMinutes(1))); // wang's wrap-up is over
        f.poll();
        call = f.outcomes.counselorAnswered(id, f.dialer.last().claimToken()).orElseThrow();
        f.outcomes.callEnded(call, Outcome.REACHED, 420, "DIALSTATUS ANSWER");
        FollowUp done = f.get(id);
        assertEquals(FollowUpStatus.DONE, done.status());
        assertEquals(List.of(Outcome.COUNSELOR_NO_ANSWER, Outcome.BUSY, Outcome.REACHED),
                done.attempts().stream().map(Attempt::outcome).toList());

        List<Contact> timeline = f.contacts.forCase(done.caseId());
        assertEquals(3, timeline.stream().filter(c -> c.kind().equals("followup_call")).count(),
                "every attempt is a contact on the case");
        assertEquals(Optional.of("wang"), timeline.get(timeline.size() - 1).answeredBy());
        assertEquals(Optional.of(420L), timeline.get(timeline.size() - 1).talkSeconds());
    }

    @Test
    void anOwnersFollowUpGoesToThePoolWhenTheyStayAwayPastTheGracePeriod() throws Exception {
        start();
        f.busy(LI);
        f.free(WANG);
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000006", false, "li").id(),
                clock.instant(), "check"));
        assertEquals("li", f.get(id).assignee(), "the case's counselor by default");
        f.poll();
        assertTrue(f.dialer.calls.isEmpty(), "wang is free, but it is li's follow-up");

        clock.advance(Duration.ofHours(2));
        f.poll();
        assertEquals("pool", f.get(id).assignee());
        assertTrue(f.get(id).note().orElseThrow().contains("handed to the pool"));
        f.poll();
        assertEquals("wang", f.dialer.last().counselorId());
    }

    @Test
    void aHighRiskWorkerNotReachedAfterTheLastAttemptIsEscalatedOthersAreClosedWithANote() throws Exception {
        start();
        f.free(WANG);
        CareCase riskyCase = f.workerCase("13900000007", true, null);
        CareCase calmCase = f.workerCase("13900000008", false, null);
        String risky = null;
        String calm = null;
        for (CareCase c : List.of(riskyCase, calmCase)) {
            String id = f.service.schedule(ScheduleRequest.at(c.id(), clock.instant(), "check").assignedTo("pool"));
            if (c == riskyCase) {
                risky = id;
            } else {
                calm = id;
            }
            for (int attempt = 0; attempt < 4; attempt++) {
                clock.set(f.get(id).dueAt().plus(Duration.ofMinutes(1)));
                f.poll();
                CallbackOrder order = f.dialer.last();
                assertEquals(id, order.followUpId());
                ActiveCall call = f.outcomes.counselorAnswered(id, order.claimToken()).orElseThrow();
                f.outcomes.callEnded(call, Outcome.NO_ANSWER, 0, "DIALSTATUS NOANSWER");
            }
        }
        assertEquals(FollowUpStatus.ESCALATED, f.get(risky).status());
        assertEquals(FollowUpStatus.UNREACHABLE, f.get(calm).status());
        assertTrue(f.get(calm).note().orElseThrow().contains("not reached after every attempt"));
        assertEquals(1, f.live.alerts.size(), "supervisors alerted for the high-risk worker only: " + f.live.alerts);
        assertTrue(f.live.alerts.get(0).contains(risky));
    }

    @Test
    void plansScheduleEveryStepForTheCasesCounselor() {
        start();
        CareCase c = f.workerCase("13900000009", false, "li");
        List<String> ids = f.service.schedulePlan("after-crisis", ScheduleRequest.at(c.id(), clock.instant(), "crisis"));
        assertEquals(List.of(Instant.parse("2026-11-24T02:00:00Z"), Instant.parse("2026-11-26T02:00:00Z"),
                Instant.parse("2026-11-30T02:00:00Z")), ids.stream().map(id -> f.get(id).dueAt()).toList());
        assertTrue(ids.stream().allMatch(id -> f.get(id).assignee().equals("li")
                && f.get(id).planId().equals(Optional.of("after-crisis"))));
        List<String> pairing = f.service.schedulePlan("hardship-pairing", ScheduleRequest.at(c.id(), clock.instant(),
                "pairing"));
        assertEquals(3, pairing.size(), "at least three contacts a quarter");
        assertTrue(f.get(pairing.get(2)).dueAt().isBefore(clock.instant().plus(Duration.ofDays(92))));
        assertThrows(IllegalArgumentException.class, () -> f.service.schedulePlan("nope", ScheduleRequest.at(c.id(),
                clock.instant(), "x")));
    }

    @Test
    void automatedCheckInsAreForLowRiskCasesAndDialTheWorkerDirectly() throws Exception {
        start();
        CareCase risky = f.workerCase("13900000010", true, null);
        assertThrows(IllegalArgumentException.class, () -> f.service.schedule(
                ScheduleRequest.at(risky.id(), clock.instant(), "x").as(Mode.CHECKIN)));
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000011", false, null).id(),
                clock.instant(), "weekly").as(Mode.CHECKIN));
        f.poll(); // no counselor is free: a check-in needs none
        assertEquals(1, f.dialer.checkins.size());
        CheckinOrder order = f.dialer.checkins.get(0);
        f.outcomes.checkinLegFailed(order, Outcome.NO_ANSWER, "reason 3");
        assertEquals(1, f.get(id).attemptsMade());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), f.get(id).dueAt(), "no answer is retried");
        assertFalse(f.get(id).status().equals(FollowUpStatus.DONE));
    }

    @Test
    void aFollowUpNeverTakesACounselorFromAWaitingCaller() throws Exception {
        start();
        f.busy(LI);
        f.free(WANG);
        f.router.enqueue("waiting", "PJSIP/trunk-1", new org.carehotline.routing.CallNeeds(
                Category.PSYCHOLOGICAL_SUPPORT, Optional.empty(), false, Optional.of("li")));
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000012", false, null).id(),
                clock.instant(), "check").assignedTo("pool"));
        f.poll();
        assertTrue(f.dialer.calls.isEmpty(), "wang could serve the caller in line (waiting for li for now)");
        assertEquals(FollowUpStatus.PENDING, f.get(id).status());
    }

    @Test
    void aCounselorHeldForAFollowUpIsNotOfferedAnInboundCallUntilReleased() throws Exception {
        start();
        f.busy(LI);
        f.free(WANG);
        f.service.schedule(ScheduleRequest.at(f.workerCase("13900000013", false, null).id(), clock.instant(), "check")
                .assignedTo("pool"));
        f.poll();
        CallbackOrder order = f.dialer.last();
        assertEquals("wang", order.counselorId());
        assertEquals(PresenceState.RINGING, f.router.states().get("wang"));
        org.carehotline.routing.QueueTicket inbound = f.router.enqueue("inbound", "PJSIP/trunk-2",
                org.carehotline.routing.CallNeeds.of(Category.PSYCHOLOGICAL_SUPPORT));
        assertTrue(inbound.takeOffer().isEmpty(), "never two calls at once");
        f.outcomes.counselorLegFailed(order, false, "reason 5 (busy)");
        assertEquals(Optional.of("wang"), inbound.takeOffer().map(org.carehotline.routing.Reservation::counselorId),
                "released to the waiting caller");
    }

    @Test
    void aCallWhoseInstanceDiedIsTakenOverAfterTheLeaseAndItsOpenAttemptIsClosed() throws Exception {
        start();
        f.free(WANG);
        f.free(LI);
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000014", false, null).id(),
                clock.instant(), "check").assignedTo("pool"));
        f.poll();
        CallbackOrder lost = f.dialer.last(); // no report ever comes back: the instance died
        assertEquals(0, f.poll(), "held by its lease");
        clock.advance(f.rules.lease().plusSeconds(1));
        assertEquals(1, f.poll());
        CallbackOrder again = f.dialer.last();
        assertEquals(id, again.followUpId());
        assertTrue(!again.claimToken().equals(lost.claimToken()), "a new claim");
        assertEquals(Optional.of("interrupted"), new org.carehotline.cases.FollowUpContactRepository(f.store)
                .outcome(lost.contactId()), "the lost attempt is closed on the timeline");
        assertTrue(!f.outcomes.record(id, lost.claimToken(), Outcome.REACHED, Optional.empty(), 0, "late"),
                "the dead claim can no longer report");
    }

    @Test
    void theGracePeriodCountsFromEachAttemptsDueTimeNotFromTheFirst() throws Exception {
        start();
        f.free(LI);
        String id = f.service.schedule(ScheduleRequest.at(f.workerCase("13900000015", false, "li").id(),
                clock.instant(), "check"));
        f.poll();
        CallbackOrder first = f.dialer.last();
        ActiveCall call = f.outcomes.counselorAnswered(id, first.claimToken()).orElseThrow();
        f.outcomes.callEnded(call, Outcome.NO_ANSWER, 0, "DIALSTATUS NOANSWER");
        f.busy(LI);
        f.free(WANG);
        clock.set(f.get(id).dueAt()); // the retry, 2 h after the first due time
        f.poll();
        assertEquals("li", f.get(id).assignee(), "li's retry waits for li");
        clock.advance(Duration.ofHours(2));
        f.poll();
        assertEquals("pool", f.get(id).assignee(), "li away 2 h past the retry's due time");
    }
}
