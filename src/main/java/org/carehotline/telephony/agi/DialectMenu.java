package org.carehotline.telephony.agi;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.carehotline.settings.LineSettings;

/**
 * "Mandarin, press 1; Cantonese, press 2; …": the dialect options of the line settings. Any of
 * their keys interrupts, and so does 0: help now, at any point of any menu.
 */
final class DialectMenu {

    private static final int KEY_WAIT_MS = 4000;

    /** The caller's answer: a dialect, none, or 0 (help now). */
    record Answer(Optional<String> dialect, boolean helpNow) {}

    private final AgiChannel channel;
    private final Sounds sounds;
    private final LineSettings settings;

    DialectMenu(AgiChannel channel, Sounds sounds, LineSettings settings) {
        this.channel = channel;
        this.sounds = sounds;
        this.settings = settings;
    }

    /** The answer; no key, or no menu configured, means no dialect (the first one is not assumed). */
    Answer ask() throws AgiException {
        if (settings.dialects().isEmpty()) {
            return new Answer(Optional.empty(), false);
        }
        String keys = Keys.withHelpNow(settings.dialectDigits());
        char key = KeyMenu.play(sounds, settings.dialects(), keys);
        if (key == 0) {
            key = channel.waitForDigit(KEY_WAIT_MS);
        }
        if (key == Keys.HELP_NOW) {
            return new Answer(Optional.empty(), true);
        }
        return new Answer(settings.dialect(key), false);
    }
}
