package org.carehotline.followups;

import java.util.Locale;

/** How a follow-up is made. */
public enum Mode {
    /** The counselor's phone rings first, then the worker's. */
    COUNSELOR_CALL,
    /** An automated call: "press 1 if you are all right, 2 to talk to a counselor now" (low-risk cases). */
    CHECKIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode ofCode(String code) {
        return code == null ? COUNSELOR_CALL : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
