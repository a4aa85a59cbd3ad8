package org.carehotline.telephony.agi;

import java.time.Instant;
import java.util.Optional;
import org.carehotline.telephony.AsteriskTimes;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * What a Dial() to a counselor or a worker came to, read from Asterisk after the Dial.
 *
 * <p>Asterisk's {@code ANSWEREDTIME} is the calling channel's time since <em>it</em> was
 * answered (app_dial.c: {@code ast_channel_get_up_time_ms(chan)}), which for a caller our script
 * answered includes the menu and the wait. The moment the dialed phone answered comes instead
 * from the dialplan: the Dial runs the {@code [hotline-answered]} subroutine on the answering
 * channel ({@code U(hotline-answered)}), which stamps {@code HOTLINE_ANSWERED_AT} (epoch seconds
 * with milliseconds) on the caller's channel. {@code RINGTIME} is set only once the dialed
 * phone reported ringing, which tells "the caller hung up while it rang" from "the caller was
 * gone before the Dial" (both {@code DIALSTATUS=CANCEL}). Asterisk answers GET VARIABLE even
 * after the caller hung up, so this works on a dead channel.
 *
 * @param answeredAt when the dialed phone answered (empty when it did not, or was not stamped)
 * @param rang       the dialed phone reported ringing
 */
record DialOutcome(String dialStatus, Optional<Instant> answeredAt, boolean rang) {

    boolean answered() {
        return DialplanNames.DIALSTATUS_ANSWER.equals(dialStatus);
    }

    /** Seconds from the answer to {@code end}; 0 when the answer time is unknown. */
    long talkSecondsUntil(Instant end) {
        return answeredAt.map(a -> Math.max(0, java.time.Duration.between(a, end).toSeconds())).orElse(0L);
    }

    /** The caller hung up before the phone rang (or before the Dial began): nobody's miss, no ringing phone. */
    boolean callerGoneBeforeRinging() {
        return DialplanNames.DIALSTATUS_CANCEL.equals(dialStatus) && !rang;
    }

    static DialOutcome dial(AgiChannel channel, String endpoint, int ringSeconds) throws AgiException {
        return dial(channel, endpoint, ringSeconds, "");
    }

    /**
     * Dials with the caller hearing {@code musicClass} while the phone rings: the hotline's classes
     * ({@code musiconhold_hotline.conf}) announce "connecting you" in the channel's language, then
     * ringback, so the counselor's phone rings while the caller hears the prompt, never after it.
     * Empty: the caller hears what the trunk gives (a whispered or internal call).
     */
    static DialOutcome dial(AgiChannel channel, String endpoint, int ringSeconds, String musicClass)
            throws AgiException {
        String music = musicClass.isEmpty() ? "" : "m(" + musicClass + ")";
        channel.exec("Dial", endpoint + "," + ringSeconds + "," + music + "U(" + DialplanNames.CONTEXT_ANSWERED + ")");
        String status = channel.getVariable(DialplanNames.VAR_DIALSTATUS);
        status = status == null || status.isBlank() ? "UNKNOWN" : status.strip();
        if (DialplanNames.DIALSTATUS_ANSWER.equals(status)) {
            return new DialOutcome(status, AsteriskTimes.epoch(channel.getVariable(DialplanNames.VAR_ANSWERED_AT)), true);
        }
        if (DialplanNames.DIALSTATUS_CANCEL.equals(status)) {
            String ringTime = channel.getVariable(DialplanNames.VAR_RINGTIME);
            return new DialOutcome(status, Optional.empty(), ringTime != null && !ringTime.isBlank());
        }
        return new DialOutcome(status, Optional.empty(), true);
    }
}
