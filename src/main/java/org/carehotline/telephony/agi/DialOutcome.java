package org.carehotline.telephony.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * What a Dial() to a counselor came to, read from Asterisk's DIALSTATUS and ANSWEREDTIME.
 * Asterisk answers GET VARIABLE even after the caller hung up, so this works on a dead channel.
 *
 * @param answeredSeconds how long the bridged conversation lasted (0 when not answered)
 */
record DialOutcome(String dialStatus, long answeredSeconds) {

    boolean answered() {
        return DialplanNames.DIALSTATUS_ANSWER.equals(dialStatus);
    }

    static DialOutcome dial(AgiChannel channel, String endpoint, int ringSeconds) throws AgiException {
        channel.exec("Dial", endpoint + "," + ringSeconds);
        String status = channel.getVariable(DialplanNames.VAR_DIALSTATUS);
        long answered = parseSeconds(channel.getVariable(DialplanNames.VAR_ANSWEREDTIME));
        return new DialOutcome(status == null || status.isBlank() ? "UNKNOWN" : status, answered);
    }

    private static long parseSeconds(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
