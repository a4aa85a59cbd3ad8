package org.carehotline.settings;

/**
 * What is wrong with one field of the settings form: a message key of the console's bundles
 * and the detail it names ({@code {0}} in the message), e.g. the range or the missing prompt.
 */
public record Problem(String key, String detail) {

    public static Problem of(String key) {
        return new Problem(key, "");
    }

    /** Thrown by the parsers of single fields, caught by the validator. */
    static final class Invalid extends RuntimeException {
        final Problem problem;

        Invalid(String key, String detail) {
            super(key + ": " + detail, null, false, false);
            this.problem = new Problem(key, detail);
        }
    }
}
