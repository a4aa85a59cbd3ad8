package org.carehotline.reports;

/**
 * One counselor's figures over a period.
 *
 * @param offers      times the counselor's phone was offered a call (a transferred call counts once per offer)
 * @param misses      offers that ended with an outcome other than ANSWER (no answer, busy, unavailable, ...)
 * @param calls       calls the counselor talked on (answeredBy)
 * @param talkSeconds their talk time on inbound calls
 * @param presence    signed-in, available, on-call, wrap-up and paused time from the presence log
 */
public record CounselorRow(String counselorId, String name, long offers, long misses, long calls, long talkSeconds,
                           PresenceTotals presence) {

    /** The call figures alone, without presence. */
    public CounselorRow(String counselorId, String name, long offers, long misses, long calls, long talkSeconds) {
        this(counselorId, name, offers, misses, calls, talkSeconds, PresenceTotals.NONE);
    }

    /** Mean talk time per call in seconds, or null without calls. */
    public Double averageTalkSeconds() {
        return calls == 0 ? null : ServiceRow.round1((double) talkSeconds / calls);
    }
}
