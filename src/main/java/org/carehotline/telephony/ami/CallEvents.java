package org.carehotline.telephony.ami;

import java.time.Instant;
import java.util.Set;

/**
 * What the AMI link reports, translated out of the protocol. Called from the link's own
 * event thread, one event at a time, in the order Asterisk sent them.
 */
public interface CallEvents {

    /** A phone's state changed (or was re-read after a reconnect). */
    void deviceState(String device, String state);

    /** A phone started ringing for a call dialed from the caller channel {@code callerUniqueId}. */
    void dialBegan(String callerUniqueId, String destinationChannel, Instant at);

    /** A channel entered a bridge (two channels in one bridge are talking to each other). */
    void bridgeEntered(String bridgeId, String uniqueId, String channel, Instant at);

    /**
     * A dial from the caller channel {@code callerUniqueId} ended: ANSWER (a counselor's phone
     * answered), or NOANSWER, BUSY, CANCEL, CHANUNAVAIL, CONGESTION.
     */
    void dialEnded(String callerUniqueId, String destinationChannel, String dialStatus, Instant at);

    /**
     * A call reached the dialplan's fallback group ([hotline-fallback]) because our server was
     * unreachable or gave up.
     *
     * @param contactId the contact our script had created, empty if it never got that far
     */
    void fallbackStarted(String uniqueId, String channel, String callerNumber, String contactId, String agiStatus,
                         Instant at);

    /** A fallback call ended: the ring group's dial status and answered seconds. */
    void fallbackEnded(String uniqueId, String dialStatus, long answeredSeconds, Instant at);

    /** A channel hung up. */
    void hangup(String uniqueId, Instant at);

    /**
     * The link is up again after a (re)connect; {@code liveUniqueIds} are the channels that
     * existed at {@code snapshotAt}. Calls that started before then and are not live ended
     * while the link was down; calls that started later are not in the snapshot and must be
     * left alone.
     */
    void resynchronized(Set<String> liveUniqueIds, Instant snapshotAt);
}
