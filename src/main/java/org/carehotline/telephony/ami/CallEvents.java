package org.carehotline.telephony.ami;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carehotline.cases.FallbackCall;

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
     * unreachable or gave up: its AstDB record as written on entry.
     */
    void fallbackStarted(FallbackCall call);

    /**
     * A fallback call ended: its whole AstDB record.
     *
     * @return true when the call is in the record, so its AstDB entry can be deleted
     */
    boolean fallbackEnded(FallbackCall call);

    /**
     * Fallback calls found in AstDB after a login: calls the group handled while the server or
     * its link was down, and calls still up.
     *
     * @param liveUniqueIds the channels up at login (CoreShowChannels)
     * @return the uniqueids whose calls are now fully in the record: their entries can be deleted
     */
    List<String> fallbackBacklog(List<FallbackCall> calls, Set<String> liveUniqueIds);

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
