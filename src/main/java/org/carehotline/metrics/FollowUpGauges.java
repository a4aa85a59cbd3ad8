package org.carehotline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-ups as gauges: {@code hotline_followups{state="due"}} (waiting, due now),
 * {@code state="overdue"} (due more than {@link #OVERDUE} ago: no scheduler took them) and
 * {@code state="in_flight"} (claimed: a call is being placed).
 *
 * <p>They need store queries, so they are counted every {@link #EVERY} on a thread of their own
 * and the scrape reads the last counts: a scrape never waits for the store, and a dead store
 * leaves the last counts with {@code hotline_followups_sampled_age_seconds} growing.
 */
public final class FollowUpGauges implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(15);
    static final Duration OVERDUE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(FollowUpGauges.class);

    private final FollowUpRepository followUps;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong sampledAtMillis = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("metrics-followups").daemon().factory());

    public FollowUpGauges(MeterRegistry registry, FollowUpRepository followUps, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
        gauge(registry, "due", due);
        gauge(registry, "overdue", overdue);
        gauge(registry, "in_flight", inFlight);
        Gauge.builder("hotline.followups.sampled.age", sampledAtMillis,
                        t -> t.get() == 0 ? Double.NaN : (clock.millis() - t.get()) / 1000.0)
                .description("seconds since the follow-up counts were last read from the store")
                .baseUnit("seconds").register(registry);
    }

    private static void gauge(MeterRegistry registry, String state, AtomicLong value) {
        Gauge.builder("hotline.followups", value, AtomicLong::get).description("follow-ups by state")
                .tag("state", state).register(registry);
    }

    /** Counts now, then every {@link #EVERY}. */
    public void start() {
        sampler.scheduleWithFixedDelay(this::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the counts from the store once (blocking). */
    void sample() {
        try {
            due.set(followUps.countPendingDueBy(clock.instant()));
            overdue.set(followUps.countPendingDueBy(clock.instant().minus(OVERDUE)));
            inFlight.set(followUps.countByStatus(FollowUpStatus.CLAIMED));
            sampledAtMillis.set(clock.millis());
        } catch (RuntimeException e) {
            log.warn("Could not count follow-ups for the metrics: {}", e.toString());
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
