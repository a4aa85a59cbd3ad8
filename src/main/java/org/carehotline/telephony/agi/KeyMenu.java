package org.carehotline.telephony.agi;

import java.util.List;
import org.asteriskjava.fastagi.AgiException;
import org.carehotline.settings.KeyOption;

/**
 * Plays a phone menu from the line settings: each option's prompt, then "press" and its key
 * ({@code hotline/option-legal-advice}, {@code hotline/press-2}), any of the menu's keys
 * interrupting. Keys can be moved in the console without recording anything new.
 */
final class KeyMenu {

    private KeyMenu() {
    }

    /** The key pressed while the options played, or 0 if none. */
    static char play(Sounds sounds, List<? extends KeyOption> options, String keys) throws AgiException {
        for (KeyOption option : options) {
            char key = sounds.play(option.prompt(), keys);
            if (key == 0) {
                key = sounds.play(KeyOption.pressPrompt(option.digit()), keys);
            }
            if (key != 0) {
                return key;
            }
        }
        return 0;
    }
}
