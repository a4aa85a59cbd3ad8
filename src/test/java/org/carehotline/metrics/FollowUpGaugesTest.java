package org.carehotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follow-up gauges count from the store: due now, overdue (no scheduler took them), in flight. */
class FollowUpGaugesTest {

    @TempDir
    Path dir;

    @Test
    void dueOverdueAndInFlightAreCountedFromTheStore() {
        MutableClock clock = MutableClock.at("2026-12-04T08:00:00Z");
        Instant now = clock.instant();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (MongoStore store = TestStores.open(dir)) {
            FollowUpRepository followUps = new FollowUpRepository(store);
            followUps.requestCallback("case-1", "13800138001", "contact-1", now.minus(Duration.ofMinutes(30)));
            followUps.requestCallback("case-2", "13800138002", "contact-2", now.minus(Duration.ofMinutes(1)));
            followUps.requestCallback("case-3", "13800138003", "contact-3", now.minus(Duration.ofMinutes(2)));
            followUps.requestCallback("case-4", "13800138004", "contact-4", now.plus(Duration.ofHours(1)));
            // the claim takes one of the due ones, not necessarily the oldest
            String claimed = followUps.claimNext("scheduler-a", now, now.plusSeconds(60)).orElseThrow().caseId();
            try (FollowUpGauges gauges = new FollowUpGauges(registry, followUps, clock)) {
                assertTrue(Double.isNaN(age(registry)), "nothing read yet");
                gauges.sample();
                assertEquals(2, gauge(registry, "due"), "two due and waiting, the claimed one is in flight");
                assertEquals(claimed.equals("case-1") ? 0 : 1, gauge(registry, "overdue"),
                        "the one due 30 minutes ago, unless it is the one claimed (" + claimed + ")");
                assertEquals(1, gauge(registry, "in_flight"));
                clock.advance(Duration.ofSeconds(20));
                assertEquals(20, age(registry), 0.001);
            }
        }
    }

    private static double gauge(SimpleMeterRegistry registry, String state) {
        return registry.get("hotline.followups").tag("state", state).gauge().value();
    }

    private static double age(SimpleMeterRegistry registry) {
        return registry.get("hotline.followups.sampled.age").gauge().value();
    }
}
