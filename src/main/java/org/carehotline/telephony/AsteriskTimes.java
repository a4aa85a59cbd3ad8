package org.carehotline.telephony;

import java.time.Instant;
import java.util.Optional;

/** Times as the dialplan writes them: epoch seconds with milliseconds ({@code STRFTIME(,,%s.%3q)}). */
public final class AsteriskTimes {

    private AsteriskTimes() {
    }

    /** {@code 1764745200.125} as an instant; empty when unset or not a number. */
    public static Optional<Instant> epoch(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Math.round(Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
