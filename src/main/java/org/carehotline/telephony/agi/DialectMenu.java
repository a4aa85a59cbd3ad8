package org.carehotline.telephony.agi;

import java.util.List;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/** "Press 1 for Mandarin, 2 for …": the dialects configured for the hotline, in key order. */
final class DialectMenu {

    private static final int KEY_WAIT_MS = 4000;

    private final AgiChannel channel;
    private final List<String> dialects;

    DialectMenu(AgiChannel channel, List<String> dialects) {
        this.channel = channel;
        this.dialects = dialects;
    }

    /** The chosen dialect; no key, or no menu configured, means none (the first one is not assumed). */
    Optional<String> ask() throws AgiException {
        if (dialects.isEmpty()) {
            return Optional.empty();
        }
        String keys = "123456789".substring(0, dialects.size());
        char key = channel.streamFile(Prompts.DIALECT_MENU, keys);
        if (key == 0) {
            key = channel.waitForDigit(KEY_WAIT_MS);
        }
        int index = keys.indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(dialects.get(index));
    }
}
