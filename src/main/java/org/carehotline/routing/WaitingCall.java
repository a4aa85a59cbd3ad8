package org.carehotline.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A call in the queue. Mutable, guarded by the {@link Router}'s lock. */
final class WaitingCall {

    final String callId;
    final String channel;
    final Instant arrivedAt;
    final long sequence;
    /** Counselors offered this call, with when they were offered it (or missed it). */
    final Map<String, Instant> tried = new HashMap<>();
    CallNeeds needs;
    Optional<Reservation> offer = Optional.empty();
    /** {@link System#nanoTime()} when {@link #offer} was made. */
    long offeredNanos;
    /** The offer the session took and has not yet dialed to an answer or a miss. */
    Optional<Reservation> taken = Optional.empty();
    boolean queued = true;

    WaitingCall(String callId, String channel, CallNeeds needs, Instant arrivedAt, long sequence) {
        this.callId = callId;
        this.channel = channel;
        this.needs = needs;
        this.arrivedAt = arrivedAt;
        this.sequence = sequence;
    }

    /** Queue order: urgent first, then by arrival (a call that missed an offer keeps its place). */
    static int compare(WaitingCall a, WaitingCall b) {
        if (a.needs.urgent() != b.needs.urgent()) {
            return a.needs.urgent() ? -1 : 1;
        }
        int byArrival = a.arrivedAt.compareTo(b.arrivedAt);
        return byArrival != 0 ? byArrival : Long.compare(a.sequence, b.sequence);
    }
}
