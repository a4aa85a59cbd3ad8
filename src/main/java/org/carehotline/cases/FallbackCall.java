package org.carehotline.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * A call the dialplan's fallback group handled, as Asterisk recorded it (the dialplan writes one
 * entry per call into AstDB; see dialplan/extensions_hotline.conf): Asterisk's ids and times,
 * never the server's guesses.
 *
 * @param contactId   the contact our inbound script had made, empty if the server never saw the call
 * @param agiStatus   why it came to the group (AGISTATUS: FAILURE when the server was unreachable)
 * @param answeredBy  the channel that answered ({@code PJSIP/6002-00000005}), empty when nobody did
 * @param dialStatus  the group's DIALSTATUS, empty while the call is still up
 * @param endedAt     empty while the call is still up
 */
public record FallbackCall(
        String uniqueId,
        String channel,
        String callerNumber,
        String contactId,
        String agiStatus,
        Instant startedAt,
        Optional<String> answeredBy,
        Optional<Instant> answeredAt,
        String dialStatus,
        Optional<Instant> endedAt) {

    public boolean ended() {
        return endedAt.isPresent();
    }
}
