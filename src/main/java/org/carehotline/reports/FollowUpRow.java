package org.carehotline.reports;

/**
 * Follow-ups due in a period.
 *
 * @param due      follow-ups whose due time falls in the period
 * @param made     of those, with at least one call attempt
 * @param reached  of those, with an attempt that reached the worker
 * @param overdue  of those, already due, not reached and not cancelled
 * @param attempts every attempt on them
 */
public record FollowUpRow(long due, long made, long reached, long overdue, long attempts) {

    /** attempts / reached: how many calls it takes to reach a worker; null when nobody was reached. */
    public Double attemptsPerReach() {
        return reached == 0 ? null : ServiceRow.round1((double) attempts / reached);
    }
}
