package org.carehotline.bench;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.carehotline.routing.DeviceState;
import org.carehotline.routing.Router;
import org.carehotline.telephony.ami.IgnoringCallEvents;

/**
 * What the AMI link hands the server, for the ingestion benchmark: phone states go to a real
 * {@link Router} (as {@code CallTracker} does); the call events are counted, since the benchmark's
 * calls are none of the hotline's (no contact to record). The probe phone's states are timed
 * from their send to the router's state ({@link IngestProbes}).
 */
final class IngestEvents extends IgnoringCallEvents {

    final AtomicLong used = new AtomicLong();
    private final Router router;
    private final IngestProbes probes;

    IngestEvents(Router router, IngestProbes probes) {
        this.router = router;
        this.probes = probes;
    }

    @Override
    public void deviceState(String device, String state) {
        router.deviceStateChanged(device, DeviceState.parse(state));
        used.incrementAndGet();
        if (device.equals(IngestProbes.PHONE)) {
            probes.applied(state);
        }
    }

    @Override
    public void dialBegan(String callerUniqueId, String destinationChannel, Instant at) {
        used.incrementAndGet();
    }

    @Override
    public void bridgeEntered(String bridgeId, String uniqueId, String channel, Instant at) {
        used.incrementAndGet();
    }

    @Override
    public void dialEnded(String callerUniqueId, String destinationChannel, String dialStatus, Instant at) {
        used.incrementAndGet();
    }

    @Override
    public void hangup(String uniqueId, Instant at) {
        used.incrementAndGet();
    }
}
