package org.carehotline.bench;

import java.util.List;

/** The latencies of one benchmark run (one server). */
final class Recorders {

    private static final int CAPACITY = 1 << 20;

    /** Contact id set (last AGI step before routing) → EXEC Dial, for callers who found a free counselor. */
    final LatencyRecorder arrivalToDial = new LatencyRecorder("arrival -> Dial (free counselor at once)", CAPACITY);
    /** Dial answered for counselor X (final GET VARIABLE reply) → next EXEC Dial PJSIP/X, callers waiting. */
    final LatencyRecorder freeToDial = new LatencyRecorder("counselor free -> Dial (callers waiting)", CAPACITY);
    final LatencyRecorder freeToWake = new LatencyRecorder("  of which: free -> PlayDTMF wake received", CAPACITY);
    final LatencyRecorder wakeToDial = new LatencyRecorder("  of which: PlayDTMF -> Dial", CAPACITY);
    /** All counselors back at once (AMI DeviceStateChange NOT_INUSE ×N) → their Dial: a burst. */
    final LatencyRecorder signOnToDial = new LatencyRecorder("burst: N counselors NOT_INUSE -> Dial", CAPACITY);
    /** TCP connect → first WAIT FOR DIGIT: the setup of a call that has to wait (case lookup, menu). */
    final LatencyRecorder connectToQueued = new LatencyRecorder("setup: connect -> waiting (hold music)", CAPACITY);

    List<LatencyRecorder> all() {
        return List.of(arrivalToDial, freeToDial, freeToWake, wakeToDial, signOnToDial, connectToQueued);
    }
}
