package org.carehotline.followups;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.FollowUpContactRepository;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the call of a claimed follow-up. Never outside the worker's calling window (it waits
 * for the next opening); a counselor call waits for its counselor to be free (the owner, or
 * for the pool anyone fitting), and an owner who stays unavailable past the grace period hands
 * the follow-up to the pool instead of letting it rot. Each attempt is a contact on the case.
 */
public final class FollowUpDialer implements FollowUpDispatcher {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDialer.class);

    private final FollowUpRepository followUps;
    private final FollowUpContactRepository contacts;
    private final CaseRepository cases;
    private final CounselorLine line;
    private final OutboundDialer dialer;
    private final FollowUpOutcomes outcomes;
    private final LiveFeed live;
    private final FollowUpRules rules;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Optional<Surveys> surveys;

    public FollowUpDialer(FollowUpRepository followUps, FollowUpContactRepository contacts, CaseRepository cases,
                          CounselorLine line, OutboundDialer dialer, FollowUpOutcomes outcomes, LiveFeed live,
                          FollowUpRules rules, Clock clock) {
        this(followUps, contacts, cases, line, dialer, outcomes, live, rules, clock, Optional.empty());
    }

    /** With the surveys, which say at dial time whether a survey's worker refused meanwhile. */
    public FollowUpDialer(FollowUpRepository followUps, FollowUpContactRepository contacts, CaseRepository cases,
                          CounselorLine line, OutboundDialer dialer, FollowUpOutcomes outcomes, LiveFeed live,
                          FollowUpRules rules, Clock clock, Optional<Surveys> surveys) {
        this.surveys = surveys;
        this.followUps = followUps;
        this.contacts = contacts;
        this.cases = cases;
        this.line = line;
        this.dialer = dialer;
        this.outcomes = outcomes;
        this.live = live;
        this.rules = rules;
        this.policy = new RetryPolicy(rules);
        this.clock = clock;
    }

    @Override
    public void dispatch(FollowUp f) {
        Instant now = clock.instant();
        String token = f.claimToken().orElseThrow();
        // a contact left open means the instance that held this claim died during the call
        f.currentContactId().ifPresent(c -> contacts.finish(c, "interrupted", null, null, 0, now,
                "the server instance placing this call stopped; taken over after its lease lapsed"));
        CallingWindow window = policy.windowOf(f);
        if (!window.contains(now)) {
            Instant opening = window.nextOpening(now);
            followUps.reschedule(token, opening, now, "outside the calling window " + window.ranges()
                    + " " + window.zone() + ": waits until " + opening);
            return;
        }
        if (f.mode() == Mode.SURVEY && surveys.map(s -> s.calledOffAtDialTime(f, token)).orElse(false)) {
            return;
        }
        if (f.mode().automated()) {
            checkIn(f, token, now);
            return;
        }
        Optional<Reservation> held = line.reserve(f);
        if (held.isEmpty()) {
            waitForCounselor(f, token, now, window);
            return;
        }
        callCounselorFirst(f, token, held.get(), now);
    }

    private void waitForCounselor(FollowUp f, String token, Instant now, CallingWindow window) {
        if (!f.pooled() && !now.isBefore(f.attemptDueAt().plus(rules.ownerGrace()))) {
            followUps.handOverToPool(token, now, "assigned counselor " + f.assignee() + " unavailable "
                    + rules.ownerGrace().toMinutes() + " min past the due time: handed to the pool");
            return;
        }
        followUps.reschedule(token, window.nextOpening(now.plus(rules.counselorWait())), now, null);
    }

    private void callCounselorFirst(FollowUp f, String token, Reservation r, Instant now) {
        String contactId = contacts.start(FollowUpContactRepository.KIND_FOLLOWUP_CALL, f.caseId(), f.id(), f.phone(),
                r.counselorId(), now);
        cases.recordContact(f.caseId(), now);
        if (!followUps.markDialing(token, r.counselorId(), contactId)) {
            line.released(r.counselorId(), f.id(), false);
            contacts.finish(contactId, "claim_lost", null, null, 0, now, "claim lapsed before dialing");
            return;
        }
        live.callOffered(r.counselorId(), contactId);
        try {
            dialer.callCounselorFirst(new CallbackOrder(f.id(), token, f.caseId(), contactId, r.counselorId(),
                    r.endpoint(), f.phone(), rules.counselorRingSeconds()));
        } catch (OutboundDialer.DialException e) {
            log.warn("Follow-up {} not dialed: {}", f.id(), e.getMessage());
            line.released(r.counselorId(), f.id(), false);
            outcomes.record(f.id(), token, Outcome.NOT_DIALED, Optional.of(r.counselorId()), 0, e.getMessage());
        }
    }

    private void checkIn(FollowUp f, String token, Instant now) {
        boolean survey = f.mode() == Mode.SURVEY;
        String contactId = contacts.start(survey ? FollowUpContactRepository.KIND_SURVEY_CALL
                : FollowUpContactRepository.KIND_CHECKIN_CALL, f.caseId(), f.id(), f.phone(), null, now);
        cases.recordContact(f.caseId(), now);
        if (!followUps.markDialing(token, null, contactId)) {
            return;
        }
        try {
            dialer.checkIn(new CheckinOrder(f.id(), token, f.caseId(), contactId, f.phone(), rules.workerRingSeconds(),
                    survey));
        } catch (OutboundDialer.DialException e) {
            outcomes.record(f.id(), token, Outcome.NOT_DIALED, Optional.empty(), 0, e.getMessage());
        }
    }
}
