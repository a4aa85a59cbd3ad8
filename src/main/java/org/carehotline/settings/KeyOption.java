package org.carehotline.settings;

/**
 * One choice of a phone menu: a key and the prompt that names it. The menu is played as each
 * option's prompt followed by {@code hotline/press-<key>} ("请按1" / "press 1"), so a key can be
 * moved without recording anything new; only a new option needs its own prompt.
 */
public interface KeyOption {

    /** The key, '0' to '9'. */
    char digit();

    /** The sound file naming the option, e.g. {@code hotline/option-legal-advice}. */
    String prompt();

    /** The sound file that says "press" and the key. */
    static String pressPrompt(char digit) {
        return "hotline/press-" + digit;
    }
}
