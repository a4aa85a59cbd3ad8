package org.carehotline.telephony.ami;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.carehotline.cases.FallbackCall;

/** {@link CallEvents} that ignore everything, for tests and benchmarks to override what they watch. */
public class IgnoringCallEvents implements CallEvents {

    @Override
    public void deviceState(String device, String state) {
    }

    @Override
    public void dialBegan(String callerUniqueId, String destinationChannel, Instant at) {
    }

    @Override
    public void bridgeEntered(String bridgeId, String uniqueId, String channel, Instant at) {
    }

    @Override
    public void dialEnded(String callerUniqueId, String destinationChannel, String dialStatus, Instant at) {
    }

    @Override
    public void fallbackStarted(FallbackCall call) {
    }

    @Override
    public boolean fallbackEnded(FallbackCall call) {
        return true;
    }

    @Override
    public List<String> fallbackBacklog(List<FallbackCall> calls, Set<String> liveUniqueIds) {
        return List.of();
    }

    @Override
    public void hangup(String uniqueId, Instant at) {
    }

    @Override
    public void resynchronized(Set<String> liveUniqueIds, Instant snapshotAt) {
    }
}
