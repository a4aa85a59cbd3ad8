package org.carehotline.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalizes caller numbers so that one worker is one caller record, however the carrier
 * presents the number: {@code +86 138-0013-8000}, {@code 008613800138000} and
 * {@code 13800138000} are the same mobile. Chinese numbers are kept in national form (mobile
 * 1XXXXXXXXXX, landline 0 + area code + number); other countries as {@code +} and digits.
 */
public final class PhoneNumbers {

    private static final Set<String> ANONYMOUS = Set.of(
            "", "unknown", "anonymous", "restricted", "private", "unavailable", "<unknown>", "asterisk");

    private PhoneNumbers() {
    }

    /**
     * The normalized number, or empty when the caller is anonymous or the number is not a
     * telephone number (letters, too short, too long).
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null || ANONYMOUS.contains(raw.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String compact = raw.strip().replaceAll("[\\s\\-().]", "");
        boolean international = compact.startsWith("+") || compact.startsWith("00");
        String digits = compact.startsWith("+") ? compact.substring(1)
                : compact.startsWith("00") ? compact.substring(2) : compact;
        if (!digits.matches("\\d{5,15}")) {
            return Optional.empty();
        }
        if (digits.startsWith("86") && (international || digits.length() == 13)) {
            return national(digits.substring(2));
        }
        if (international) {
            return Optional.of("+" + digits);
        }
        return national(digits);
    }

    private static Optional<String> national(String digits) {
        if (digits.matches("1[3-9]\\d{9}")) {
            return Optional.of(digits);
        }
        if (digits.matches("0[1-9]\\d{8,10}")) {
            return Optional.of(digits);
        }
        if (digits.matches("[1-9]\\d{9,10}")) {
            // a landline presented without its trunk prefix 0
            return Optional.of("0" + digits);
        }
        if (digits.matches("\\d{5,8}")) {
            // short codes and local numbers (e.g. 12351): kept as given
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    /** The number with its middle hidden, for roles that must not see it: 138****8000. */
    public static String mask(String normalized) {
        if (normalized == null || normalized.length() < 7) {
            return "****";
        }
        return normalized.substring(0, 3) + "****" + normalized.substring(normalized.length() - 4);
    }
}
