package org.carehotline.followups;

import java.time.Duration;

/**
 * The satisfaction survey's rules (keys {@code surveys.*}).
 *
 * @param enabled     whether closing a case schedules a survey at all
 * @param delay       how long after the close the survey falls due (then moved into the calling window)
 * @param maxAttempts attempts at the worker's phone before the survey is closed as not reached
 */
public record SurveyRules(boolean enabled, Duration delay, int maxAttempts) {

    /** The defaults of hotline-defaults.properties, for tests and tools. */
    public static SurveyRules defaults() {
        return new SurveyRules(false, Duration.ofHours(48), 2);
    }
}
