package org.carehotline.retention;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a sweep does to a record past its period. */
public enum RetentionAction {
    /** Blank what identifies a person, keep what the reports count (dates, categories, durations, counselors). */
    ANONYMISE,
    /** Remove the record; the reports of its period lose it. */
    DELETE;

    /** The configuration words: anonymise, delete. */
    public static final List<String> CODES = Arrays.stream(values()).map(RetentionAction::code).toList();

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RetentionAction parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
