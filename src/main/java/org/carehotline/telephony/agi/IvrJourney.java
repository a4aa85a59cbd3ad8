package org.carehotline.telephony.agi;

import java.time.Instant;
import java.util.Optional;
import org.carehotline.cases.IvrJourneyRecord;

/**
 * One inbound call's way through the prompts and menus, kept by its script while it runs: the
 * step it is at, the keys that decide its path, when its first phone was dialed and when a human
 * answered. What it comes to is stored on the contact ({@link IvrJourneyRecord}) when the script ends.
 */
final class IvrJourney {

    static final String PATH_NEW = "new";
    static final String PATH_RETURNING = "returning";
    static final String PATH_KEY0_AT_ONCE = "key0-at-once";
    static final String PATH_KEY0_IN_PROMPT = "key0-in-prompt";
    static final String PATH_NO_KEY = "no-key";

    static final String STEP_WELCOME = "welcome";
    static final String STEP_MENU = "menu";
    static final String STEP_DIALECT = "dialect";
    static final String STEP_CLOSED = "closed";
    static final String STEP_QUEUE = "queue";
    static final String STEP_DIAL = "dial";
    static final String STEP_FALLBACK = "fallback";

    private final Instant answeredAt;
    private String step = STEP_WELCOME;
    private boolean keyPressed;
    /** The step where the caller first pressed 0 (help now), or null; and when. */
    private String helpNowStep;
    private Instant helpNowAt;
    private Instant ringingAt;
    private Instant humanAt;
    /** The caller left with a call-back request: not abandoned, whatever the step. */
    private boolean callbackLeft;

    IvrJourney(Instant answeredAt) {
        this.answeredAt = answeredAt;
    }

    void at(String step) {
        this.step = step;
    }

    /** A valid key was pressed in the welcome or the main menu. */
    void keyPressed() {
        keyPressed = true;
    }

    /** The caller pressed 0 at the current step, at {@code at}: from now on the crisis path. */
    void helpNow(Instant at) {
        keyPressed = true;
        if (helpNowStep == null) {
            helpNowStep = step;
            helpNowAt = at;
        }
    }

    /** A phone is being dialed for the caller now (a counselor's, on-call, or the fallback group's). */
    void ringing(Instant at, String step) {
        this.step = step;
        if (ringingAt == null) {
            ringingAt = at;
        }
    }

    void humanAnswered(Instant at) {
        if (humanAt == null) {
            humanAt = at;
        }
    }

    void callbackLeft() {
        callbackLeft = true;
    }

    /** The caller has pressed a valid key (or 0) so far. */
    boolean keysPressed() {
        return keyPressed;
    }

    /**
     * What the journey came to.
     *
     * @param returning the caller has called before
     * @param hungUp    the caller hung up while the script ran
     */
    IvrJourneyRecord record(boolean returning, boolean hungUp) {
        return new IvrJourneyRecord(path(returning), step, answeredAt, Optional.ofNullable(ringingAt),
                Optional.ofNullable(humanAt), hungUp && ringingAt == null && !callbackLeft, Optional.ofNullable(helpNowAt));
    }

    String path(boolean returning) {
        if (helpNowStep != null) {
            return STEP_WELCOME.equals(helpNowStep) ? PATH_KEY0_AT_ONCE : PATH_KEY0_IN_PROMPT;
        }
        if (!keyPressed) {
            return PATH_NO_KEY;
        }
        return returning ? PATH_RETURNING : PATH_NEW;
    }
}
