package org.carehotline.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.carehotline.routing.RoutingTimings;

/**
 * The router's speed as histograms: {@code hotline_routing_decision_seconds} (a matching pass that made offers)
 * and {@code hotline_routing_wakeup_seconds} (offer made → the caller's session took it, which
 * includes waking the session through AMI).
 */
public final class RoutingTimers implements RoutingTimings {

    private final Timer decision;
    private final Timer wakeUp;

    public RoutingTimers(MeterRegistry registry) {
        decision = Timer.builder("hotline.routing.decision").description("one matching pass of waiting calls")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
        wakeUp = Timer.builder("hotline.routing.wakeup").description("offer made until the caller's session took it")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    /** Only passes that gave someone a counselor: the ticks that find nothing to do would bury them. */
    @Override
    public void matched(long nanos, int offers) {
        if (offers > 0) {
            decision.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void offerTaken(long nanos) {
        wakeUp.record(nanos, TimeUnit.NANOSECONDS);
    }
}
