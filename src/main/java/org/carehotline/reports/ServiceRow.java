package org.carehotline.reports;

/**
 * Service figures of one bucket (or of the whole period). Counts are inbound calls by the
 * bucket they started in; seconds are sums, so rows add up exactly.
 *
 * @param offered          every inbound call that reached the server
 * @param shortAbandoned   abandoned after waiting less than the short-abandon threshold (part of abandoned)
 * @param answeredInTarget answered after waiting at most the service-level seconds
 * @param answerWaitSeconds total wait of the answered calls (for the average speed of answer)
 * @param talkSeconds      total talk time of the answered calls
 * @param overflow         handed to the fallback group or answered by the on-call number
 * @param wrapUps          counselors' wrap-ups (after any call) that started in the bucket, from the presence log
 * @param wrapUpSeconds    their total length
 */
public record ServiceRow(String label, long offered, long answered, long abandoned, long shortAbandoned,
                         long noAnswer, long callbacks, long overflow, long answeredInTarget,
                         long answerWaitSeconds, long talkSeconds, long wrapUps, long wrapUpSeconds) {

    /** The call figures alone, without wrap-ups (those come from the presence log). */
    public ServiceRow(String label, long offered, long answered, long abandoned, long shortAbandoned, long noAnswer,
                      long callbacks, long overflow, long answeredInTarget, long answerWaitSeconds, long talkSeconds) {
        this(label, offered, answered, abandoned, shortAbandoned, noAnswer, callbacks, overflow, answeredInTarget,
                answerWaitSeconds, talkSeconds, 0, 0);
    }

    static ServiceRow empty(String label) {
        return new ServiceRow(label, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    ServiceRow plus(ServiceRow o) {
        return new ServiceRow(label, offered + o.offered, answered + o.answered, abandoned + o.abandoned,
                shortAbandoned + o.shortAbandoned, noAnswer + o.noAnswer, callbacks + o.callbacks,
                overflow + o.overflow, answeredInTarget + o.answeredInTarget,
                answerWaitSeconds + o.answerWaitSeconds, talkSeconds + o.talkSeconds, wrapUps + o.wrapUps,
                wrapUpSeconds + o.wrapUpSeconds);
    }

    ServiceRow relabel(String newLabel) {
        return new ServiceRow(newLabel, offered, answered, abandoned, shortAbandoned, noAnswer, callbacks, overflow,
                answeredInTarget, answerWaitSeconds, talkSeconds, wrapUps, wrapUpSeconds);
    }

    ServiceRow withWrapUps(long count, long seconds) {
        return new ServiceRow(label, offered, answered, abandoned, shortAbandoned, noAnswer, callbacks, overflow,
                answeredInTarget, answerWaitSeconds, talkSeconds, count, seconds);
    }

    /** Calls that count for the rates: offered minus short abandons. */
    public long countable() {
        return offered - shortAbandoned;
    }

    /** answered / (offered - short abandons), in percent; null when nothing counts. */
    public Double answerRate() {
        return percent(answered, countable());
    }

    /** answered within the target / (offered - short abandons), in percent; null when nothing counts. */
    public Double serviceLevel() {
        return percent(answeredInTarget, countable());
    }

    /** Average speed of answer: mean wait of the answered calls, in seconds; null without answers. */
    public Double averageSpeedOfAnswer() {
        return answered == 0 ? null : round1((double) answerWaitSeconds / answered);
    }

    /** Mean talk time of the answered calls, in seconds; null without answers. */
    public Double averageTalkSeconds() {
        return answered == 0 ? null : round1((double) talkSeconds / answered);
    }

    /** Mean length of the wrap-ups that started in the bucket, in seconds; null without any. */
    public Double averageWrapUpSeconds() {
        return wrapUps == 0 ? null : round1((double) wrapUpSeconds / wrapUps);
    }

    static Double percent(long part, long whole) {
        return whole <= 0 ? null : round1(100.0 * part / whole);
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
