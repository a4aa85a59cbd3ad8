package org.carehotline.followups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.FollowUpContactRepository;

/**
 * What a counselor changes on a follow-up from the console: move it, call it off, or record an
 * attempt they made from their own phone. Each is one conditional update on the follow-up's
 * status, so it never races a scheduler: a follow-up a scheduler holds (being dialed right now)
 * or one already closed is left alone and the answer says which. A manual attempt takes the
 * same claim a scheduler takes and goes through {@link FollowUpOutcomes}, so the retry rule,
 * the attempt count, escalation and the contact on the case timeline are those of a dialed
 * attempt. Blocking.
 */
public final class FollowUpChanges {

    /** What became of a change. */
    public enum Result {
        CHANGED,
        /** A scheduler holds it: the call is being placed or is in progress. Try again after the call. */
        BEING_DIALED,
        /** Done, unreachable, escalated or cancelled: nothing left to change. */
        CLOSED,
        NOT_FOUND
    }

    /** Outcomes a counselor may record by hand: those of a call to the worker's phone. */
    public static final List<Outcome> MANUAL_OUTCOMES = List.of(Outcome.REACHED, Outcome.NO_ANSWER, Outcome.BUSY,
            Outcome.WRONG_NUMBER, Outcome.DECLINED, Outcome.FAILED);

    private final FollowUpRepository followUps;
    private final FollowUpContactRepository contacts;
    private final CaseRepository cases;
    private final FollowUpOutcomes outcomes;
    private final FollowUpRules rules;
    private final RetryPolicy policy;
    private final Clock clock;

    public FollowUpChanges(FollowUpRepository followUps, FollowUpContactRepository contacts, CaseRepository cases,
                           FollowUpOutcomes outcomes, FollowUpRules rules, Clock clock) {
        this.followUps = followUps;
        this.contacts = contacts;
        this.cases = cases;
        this.outcomes = outcomes;
        this.rules = rules;
        this.policy = new RetryPolicy(rules);
        this.clock = clock;
    }

    /**
     * Moves a waiting follow-up to {@code dueAt}, moved into its calling window, and starts its
     * current attempt (and the owner's grace period) from there.
     *
     * @param assignee a counselor id or {@code pool}; empty keeps the assignee
     */
    public Result reschedule(String id, Instant dueAt, Optional<String> assignee, String by) {
        Optional<FollowUp> found = followUps.findById(id);
        if (found.isEmpty()) {
            return Result.NOT_FOUND;
        }
        Instant due = policy.windowOf(found.get()).nextOpening(dueAt);
        String note = "rescheduled by " + by + " to " + due + assignee.map(a -> ", assigned to " + a).orElse("");
        return followUps.moveDue(id, due, assignee.orElse(null), clock.instant(), note) ? Result.CHANGED : whyNot(id);
    }

    /** When the worker of this follow-up may be called: its own window, else the hotline's. */
    public CallingWindow windowOf(FollowUp f) {
        return policy.windowOf(f);
    }

    /** Calls off a waiting follow-up, keeping who and why. */
    public Result cancel(String id, String reason, String by) {
        return followUps.cancel(id, by, reason, clock.instant()) ? Result.CHANGED : whyNot(id);
    }

    /**
     * Records an attempt the counselor made themselves (from their own phone): a contact on the
     * case, counted against the maximum attempts, and what follows decided by the retry rule
     * (done, next try in the window, unreachable or escalated).
     *
     * @param outcome one of {@link #MANUAL_OUTCOMES}
     */
    public Result recordManualAttempt(String id, Outcome outcome, String counselorId, long talkSeconds, String note) {
        if (!MANUAL_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException(outcome + " is not recorded by hand");
        }
        Instant now = clock.instant();
        Optional<FollowUp> claimed = followUps.claimForManualAttempt(id, "console:" + counselorId, now,
                now.plus(rules.lease()));
        if (claimed.isEmpty()) {
            return whyNot(id);
        }
        FollowUp f = claimed.get();
        String token = f.claimToken().orElseThrow();
        String contactId = contacts.startManual(f.caseId(), f.id(), f.phone(), counselorId, now);
        cases.recordContact(f.caseId(), now);
        if (!followUps.markDialing(token, counselorId, contactId)) {
            contacts.finish(contactId, "claim_lost", null, null, 0, now, "claim lapsed before the attempt was recorded");
            return whyNot(id);
        }
        String detail = "recorded by hand" + (note.isBlank() ? "" : ": " + note);
        return outcomes.record(f.id(), token, outcome, Optional.of(counselorId), talkSeconds, detail) ? Result.CHANGED
                : whyNot(id);
    }

    private Result whyNot(String id) {
        return followUps.findById(id).map(f -> switch (f.status()) {
            case FollowUpStatus.CLAIMED -> Result.BEING_DIALED;
            case FollowUpStatus.PENDING -> Result.BEING_DIALED; // claimed and given back in between: try again
            default -> Result.CLOSED;
        }).orElse(Result.NOT_FOUND);
    }
}
