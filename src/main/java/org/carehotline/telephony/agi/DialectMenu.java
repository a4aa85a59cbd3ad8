package org.carehotline.telephony.agi;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.carehotline.settings.LineSettings;

/** "Mandarin, press 1; Cantonese, press 2; …": the dialect options of the line settings. */
final class DialectMenu {

    private static final int KEY_WAIT_MS = 4000;

    private final AgiChannel channel;
    private final Sounds sounds;
    private final LineSettings settings;

    DialectMenu(AgiChannel channel, Sounds sounds, LineSettings settings) {
        this.channel = channel;
        this.sounds = sounds;
        this.settings = settings;
    }

    /** The chosen dialect; no key, or no menu configured, means none (the first one is not assumed). */
    Optional<String> ask() throws AgiException {
        if (settings.dialects().isEmpty()) {
            return Optional.empty();
        }
        char key = KeyMenu.play(sounds, settings.dialects(), settings.dialectDigits());
        if (key == 0) {
            key = channel.waitForDigit(KEY_WAIT_MS);
        }
        return settings.dialect(key);
    }
}
