package org.carehotline.telephony.agi;

import java.util.List;

/**
 * Sound files the scripts play, relative to Asterisk's sounds folder for the channel's language
 * (sounds/zh/hotline/welcome.wav). Their texts and the generator are in dialplan/prompts/.
 */
public final class Prompts {

    public static final String WELCOME = "hotline/welcome";
    public static final String INVALID_KEY = "hotline/invalid-key";
    public static final String CONNECTING = "hotline/connecting";
    public static final String CRISIS_CONNECTING = "hotline/crisis-connecting";
    public static final String TRYING_NEXT = "hotline/trying-next";
    public static final String ALL_BUSY = "hotline/all-busy";
    public static final String OFFER_CALLBACK = "hotline/offer-callback";
    public static final String CALLBACK_CONFIRMED = "hotline/callback-confirmed";
    public static final String CALLBACK_UNAVAILABLE = "hotline/callback-unavailable";
    public static final String GOODBYE = "hotline/goodbye";
    public static final String PLEASE_HOLD = "hotline/please-hold";
    public static final String WHILE_WAITING = "hotline/press-1-callback-while-waiting";
    public static final String POSITION_BEFORE = "hotline/queue-position-before";
    public static final String POSITION_AFTER = "hotline/queue-position-after";
    public static final String EXPECTED_WAIT_BEFORE = "hotline/expected-wait-before";
    public static final String EXPECTED_WAIT_AFTER = "hotline/expected-wait-after";
    public static final String CLOSED = "hotline/closed";
    /** To the counselor before a follow-up call reaches the worker. */
    public static final String CALLBACK_WHISPER = "hotline/callback-whisper";
    /** Automated check-in: 1 all right, 2 talk to a counselor now. */
    public static final String CHECKIN = "hotline/checkin";
    public static final String CHECKIN_THANKS = "hotline/checkin-thanks";
    /** Satisfaction survey: the greeting and "1 to 5, how satisfied" (0 a counselor, 9 no more surveys). */
    public static final String SURVEY_SATISFACTION = "hotline/survey-satisfaction";
    /** Satisfaction survey: "was your problem solved: 1 yes, 2 no". */
    public static final String SURVEY_SOLVED = "hotline/survey-solved";
    public static final String SURVEY_THANKS = "hotline/survey-thanks";
    /** After key 9: "we will not call you for surveys again". */
    public static final String SURVEY_REFUSED = "hotline/survey-refused";

    /**
     * Every fixed prompt the code plays: a test checks each has a sound file in every language. The
     * menus' prompts come from the line settings (option prompts and {@code hotline/press-<key>}).
     */
    public static final List<String> ALL = List.of(WELCOME, INVALID_KEY, CONNECTING, CRISIS_CONNECTING,
            TRYING_NEXT, ALL_BUSY, OFFER_CALLBACK, CALLBACK_CONFIRMED, CALLBACK_UNAVAILABLE, GOODBYE, PLEASE_HOLD,
            WHILE_WAITING, POSITION_BEFORE, POSITION_AFTER, EXPECTED_WAIT_BEFORE, EXPECTED_WAIT_AFTER, CLOSED,
            CALLBACK_WHISPER, CHECKIN, CHECKIN_THANKS, SURVEY_SATISFACTION, SURVEY_SOLVED, SURVEY_THANKS,
            SURVEY_REFUSED);

    private Prompts() {
    }
}
