package org.carehotline.telephony.agi;

/**
 * Every name shared with the dialplan (dialplan/extensions_hotline.conf), in one place: AGI
 * script names, channel variables we set or read, and Dial statuses.
 */
public final class DialplanNames {

    /** Script of {@code [hotline-inbound]}: AGI(${HOTLINE_AGI}/inbound). */
    public static final String SCRIPT_INBOUND = "inbound";

    /** Script of {@code [hotline-callback]}: the counselor answered a follow-up; whisper, then dial the worker. */
    public static final String SCRIPT_CALLBACK = "callback";
    /** Script of {@code [hotline-checkin]}: the worker answered the automated check-in. */
    public static final String SCRIPT_CHECKIN = "checkin";
    /** Script of {@code [hotline-survey]}: the worker answered the satisfaction survey call. */
    public static final String SCRIPT_SURVEY = "survey";

    /** Contexts the server originates follow-up calls into (extension {@link #EXTEN_START}). */
    public static final String CONTEXT_CALLBACK = "hotline-callback";
    public static final String CONTEXT_CHECKIN = "hotline-checkin";
    public static final String CONTEXT_SURVEY = "hotline-survey";
    public static final String EXTEN_START = "s";
    /** Channel variables set on a follow-up's originated channel. */
    public static final String VAR_CASE_ID = "HOTLINE_CASE_ID";
    public static final String VAR_FOLLOWUP_ID = "HOTLINE_FOLLOWUP_ID";
    /** The scheduler's claim on the follow-up: the scripts report with it, so a lapsed claim cannot write. */
    public static final String VAR_FOLLOWUP_CLAIM = "HOTLINE_FOLLOWUP_CLAIM";
    public static final String VAR_WORKER_NUMBER = "HOTLINE_WORKER_NUMBER";
    /** Asterisk's cause code of the dialed leg after Dial() (1 unallocated number, 21 call rejected, ...). */
    public static final String VAR_HANGUPCAUSE = "HANGUPCAUSE";
    public static final String DIALSTATUS_BUSY = "BUSY";
    public static final String DIALSTATUS_NOANSWER = "NOANSWER";
    /** Dial's status when the calling party hung up before anyone answered. */
    public static final String DIALSTATUS_CANCEL = "CANCEL";

    /** Set by our scripts before returning: {@link #RESULT_DONE} or {@link #RESULT_FALLBACK}. */
    public static final String VAR_RESULT = "HOTLINE_RESULT";
    /** The call was handled; the dialplan hangs up. */
    public static final String RESULT_DONE = "done";
    /** The dialplan must ring its fallback group ([hotline-fallback]). */
    public static final String RESULT_FALLBACK = "fallback";
    /** Set on the caller channel so logs and the fallback UserEvent can name the contact. */
    public static final String VAR_CONTACT_ID = "HOTLINE_CONTACT_ID";

    /**
     * The digit the server makes a waiting caller's channel receive (AMI PlayDTMF, Receive:
     * yes) to end its WAIT FOR DIGIT when a counselor is found.
     */
    public static final String WAKE_DIGIT = "#";

    /**
     * Subroutine every Dial of ours runs on the answering channel ({@code U(hotline-answered)}):
     * it stamps {@link #VAR_ANSWERED_AT} on the caller's channel.
     */
    public static final String CONTEXT_ANSWERED = "hotline-answered";
    /** When the dialed phone answered, epoch seconds with milliseconds, set by {@link #CONTEXT_ANSWERED}. */
    public static final String VAR_ANSWERED_AT = "HOTLINE_ANSWERED_AT";

    /** Asterisk's own variables after Dial(). */
    public static final String VAR_DIALSTATUS = "DIALSTATUS";
    /** Set by Dial once the dialed phone reported ringing; empty when it never rang. */
    public static final String VAR_RINGTIME = "RINGTIME";
    public static final String DIALSTATUS_ANSWER = "ANSWER";

    private DialplanNames() {
    }

    /**
     * Music classes of {@code dialplan/musiconhold_hotline.conf} a caller hears while a phone
     * rings: the prompt (as the class's announcement, in the channel's language), then ringback.
     */
    public static final String MOH_CONNECTING = "hotline-connecting";
    public static final String MOH_CRISIS_CONNECTING = "hotline-crisis-connecting";
    public static final String MOH_TRYING_NEXT = "hotline-trying-next";
}
