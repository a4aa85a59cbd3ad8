package org.carehotline.followups;

import java.util.Locale;

/**
 * How one attempt at a follow-up ended. Only outcomes where the worker's phone was really
 * tried count against the follow-up's maximum attempts: a counselor who did not pick up, or a
 * call the server could not place, is the hotline's miss, not the worker's.
 */
public enum Outcome {
    /** The counselor talked with the worker. */
    REACHED(true, true),
    NO_ANSWER(true, false),
    BUSY(true, false),
    /** The network could not reach the worker (congestion, unavailable). */
    FAILED(true, false),
    /** The number does not belong to the worker (or does not exist): retrying is pointless. */
    WRONG_NUMBER(true, true),
    /** The worker rejected the call or said they do not want to be called again. */
    DECLINED(true, true),
    /** The counselor's phone was not answered: the worker was never dialed. */
    COUNSELOR_NO_ANSWER(false, false),
    /** The server could not place the call (AMI link down): the worker was never dialed. */
    NOT_DIALED(false, false),
    /** Automated check-in: the worker pressed 1, all right. */
    CHECKIN_OK(true, true),
    /** Automated check-in: the worker pressed 2 and went into the line to a counselor. */
    CHECKIN_TALK(true, true),
    /** Automated check-in: answered, but no key was pressed. */
    CHECKIN_NO_RESPONSE(true, false),
    /** Survey: the worker answered (at least the first question); the answers are on the follow-up. */
    SURVEY_ANSWERED(true, true),
    /** Survey: the worker pressed 9, no more surveys: their profile is marked and they are never surveyed again. */
    SURVEY_REFUSED(true, true),
    /** Survey: the worker pressed 0 and went into the line to a counselor. */
    SURVEY_TALK(true, true),
    /** Survey: answered, but no key pressed (or hung up before the first answer): tried again later. */
    SURVEY_NO_RESPONSE(true, false);

    private final boolean workerAttempt;
    private final boolean terminal;

    Outcome(boolean workerAttempt, boolean terminal) {
        this.workerAttempt = workerAttempt;
        this.terminal = terminal;
    }

    /** True when the worker's phone was tried: counts against the maximum attempts. */
    public boolean workerAttempt() {
        return workerAttempt;
    }

    /** True when the follow-up is finished whatever the attempts left. */
    public boolean terminal() {
        return terminal;
    }

    /** The name stored in MongoDB and shown on the timeline: {@code no_answer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
