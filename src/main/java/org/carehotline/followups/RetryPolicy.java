package org.carehotline.followups;

import java.time.Instant;

/**
 * What follows an attempt: a pure function of the follow-up, the outcome and the time. A final
 * outcome (reached, declined, wrong number, checked in) closes it; otherwise the next attempt
 * comes after that outcome's delay, at the next opening of the calling window, until the
 * worker's phone has been tried {@code maxAttempts} times. Then a high-risk worker is escalated
 * to supervisors and anyone else's follow-up (and every survey) is closed as unreachable with a note.
 */
public final class RetryPolicy {

    /** @param nextDueAt the next attempt's time, or null when the follow-up is closed */
    public record Decision(String status, Instant nextDueAt, boolean escalate, String note) {}

    private final FollowUpRules rules;

    public RetryPolicy(FollowUpRules rules) {
        this.rules = rules;
    }

    public Decision decide(FollowUp f, Outcome outcome, Instant now) {
        int made = f.attemptsMade() + (outcome.workerAttempt() ? 1 : 0);
        String tally = "attempt " + made + " of " + f.maxAttempts();
        if (outcome.terminal()) {
            return new Decision(FollowUpStatus.DONE, null, false, outcome.code() + ": follow-up done");
        }
        if (made >= f.maxAttempts()) {
            // an unanswered survey is no sign of danger: never escalated, whoever the worker is
            return f.highRisk() && f.mode() != Mode.SURVEY
                    ? new Decision(FollowUpStatus.ESCALATED, null, true, outcome.code() + ", " + tally
                            + ": high-risk worker not reached, supervisors alerted")
                    : new Decision(FollowUpStatus.UNREACHABLE, null, false, outcome.code() + ", " + tally
                            + ": not reached after every attempt, closed");
        }
        CallingWindow window = windowOf(f);
        Instant next = window.nextOpening(now.plus(rules.retryDelay(outcome)));
        String counted = outcome.workerAttempt() ? tally : "not the worker's attempt (" + tally.replace("attempt", "still")
                + ")";
        return new Decision(FollowUpStatus.PENDING, next, false, outcome.code() + ", " + counted + ": next try " + next);
    }

    /** The follow-up's window, or the hotline's default one for records made before windows existed. */
    public CallingWindow windowOf(FollowUp f) {
        return f.window().orElseGet(() -> CallingWindow.of(rules.zone(), rules.window(), java.util.List.of()));
    }
}
