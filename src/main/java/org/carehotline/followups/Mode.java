package org.carehotline.followups;

import java.util.Locale;

/** How a follow-up is made. */
public enum Mode {
    /** The counselor's phone rings first, then the worker's. */
    COUNSELOR_CALL,
    /** An automated call: "press 1 if you are all right, 2 to talk to a counselor now" (low-risk cases). */
    CHECKIN,
    /**
     * The satisfaction survey after a case is closed (满意度回访): an automated call, "1-5 how
     * satisfied", "was your problem solved", 0 a counselor now, 9 never survey me again.
     */
    SURVEY;

    /** True for the calls the server makes to the worker alone, without a counselor on the line first. */
    public boolean automated() {
        return this != COUNSELOR_CALL;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode ofCode(String code) {
        return code == null ? COUNSELOR_CALL : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
