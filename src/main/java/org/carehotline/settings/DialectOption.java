package org.carehotline.settings;

/**
 * A key of the dialect menu and the dialect it means, as counselors' accounts name it.
 *
 * @param dialect lower-case letters, digits and dashes, e.g. {@code cantonese}
 */
public record DialectOption(char digit, String dialect) implements KeyOption {

    /** {@code hotline/dialect-cantonese}. */
    @Override
    public String prompt() {
        return "hotline/dialect-" + dialect;
    }
}
