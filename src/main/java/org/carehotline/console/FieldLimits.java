package org.carehotline.console;

import java.util.Map;

/**
 * How long the console's free-text fields may be, in characters, and the request limits that
 * follow from them. The limits on the wire are set from the fields' limits, with room for a
 * text several times too long: such a text must still reach the form check, so that it comes
 * back with "too long: how long, and the limit" and nothing typed is lost.
 */
final class FieldLimits {

    /** Notes, the presenting problem, a visit's summary. */
    static final int LONG_TEXT = 4000;
    /** Status notes, outcomes, protective factors, a referral's or an emergency record's detail. */
    static final int SHORT_TEXT = 1000;
    /** A follow-up's reason or note. */
    static final int REASON = 500;

    /** The limits by name, for the templates ({@code data-max}, checked in the browser before sending). */
    static final Map<String, Integer> BY_NAME = Map.of("longText", LONG_TEXT, "shortText", SHORT_TEXT,
            "reason", REASON);

    /** A text up to this many times its limit still comes back with the error. */
    static final int REPORTABLE_FACTOR = 4;
    /** The most one character can take in a urlencoded form: four UTF-8 bytes, each written %XX. */
    static final int ENCODED_BYTES_PER_CHAR = 12;
    /** Everything else in a form (the other fields, the CSRF token): well under this. */
    private static final int OTHER_FIELDS_BYTES = 64 * 1024;

    private FieldLimits() {
    }

    /** Vert.x's limit on one decoded form attribute (its default, 8,192 bytes, refused a note of 950 CJK characters). */
    static int formAttributeBytes() {
        return LONG_TEXT * REPORTABLE_FACTOR * ENCODED_BYTES_PER_CHAR;
    }

    /** The body limit of a console form. */
    static int bodyBytes() {
        return formAttributeBytes() + OTHER_FIELDS_BYTES;
    }
}
