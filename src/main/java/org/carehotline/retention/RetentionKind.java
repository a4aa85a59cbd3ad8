package org.carehotline.retention;

/** The kinds of record with their own retention period and action, named as in the configuration keys. */
public enum RetentionKind {
    /** Closed cases with their contacts, notes, follow-up history and the records attached to them. */
    CASES("cases"),
    /** Audit log entries. */
    AUDIT("audit"),
    /** Counselors' presence intervals (the occupancy report's source). */
    PRESENCE("presence");

    private final String code;

    RetentionKind(String code) {
        this.code = code;
    }

    /** The word in the configuration keys ({@code retention.<code>.days}) and on the page. */
    public String code() {
        return code;
    }
}
