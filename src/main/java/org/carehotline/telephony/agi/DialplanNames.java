package org.carehotline.telephony.agi;

/**
 * Every name shared with the dialplan (dialplan/extensions_hotline.conf), in one place: AGI
 * script names, channel variables we set or read, and Dial statuses.
 */
public final class DialplanNames {

    /** Script of {@code [hotline-inbound]}: AGI(${HOTLINE_AGI}/inbound). */
    public static final String SCRIPT_INBOUND = "inbound";

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

    /** Asterisk's own variables after Dial(). */
    public static final String VAR_DIALSTATUS = "DIALSTATUS";
    public static final String VAR_ANSWEREDTIME = "ANSWEREDTIME";
    public static final String DIALSTATUS_ANSWER = "ANSWER";

    private DialplanNames() {
    }
}
