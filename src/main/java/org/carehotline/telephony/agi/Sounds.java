package org.carehotline.telephony.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays prompts on one call's channel and says so when one cannot play. Asterisk answers
 * {@code STREAM FILE} of a missing sound file with {@code 200 result=-1 endpos=0} and goes on
 * with the session (res_agi.c {@code handle_streamfile}); asterisk-java would hand that -1 back
 * as a key. Here it is no key, and the server log names the prompt and the channel, so that a
 * missing file is fixed instead of heard as silence.
 */
final class Sounds {

    private static final Logger log = LoggerFactory.getLogger(Sounds.class);

    private final AgiChannel channel;
    private final String callId;

    Sounds(AgiChannel channel, String callId) {
        this.channel = channel;
        this.callId = callId;
    }

    /** Plays a prompt nobody can interrupt. */
    void play(String prompt) throws AgiException {
        play(prompt, "");
    }

    /**
     * Plays a prompt that any of {@code escapeDigits} interrupts.
     *
     * @return the key pressed, or 0 when it played to the end or could not play
     */
    char play(String prompt, String escapeDigits) throws AgiException {
        AgiReply reply = channel.sendCommand(new StreamFileCommand(prompt, escapeDigits));
        int result = reply.getResultCode();
        if (result < 0) {
            // a caller who hangs up mid-prompt also gets -1, with the position reached: the next command says so
            if ("0".equals(reply.getAttribute("endpos"))) {
                log.warn("Prompt '{}' could not be played on call {} (is its sound file installed for this language?)",
                        prompt, callId);
            }
            return 0;
        }
        return (char) result;
    }
}
