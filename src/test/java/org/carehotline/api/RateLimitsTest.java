package org.carehotline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket: a burst at once, then the rate, and the wait it tells. */
class RateLimitsTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RateLimits limits = new RateLimits(6, 2, nanos::get); // one every 10 s, two at once

    @Test
    void aBurstThenOneEveryTenSecondsWithTheWaitToldInWholeSeconds() {
        assertEquals(0, limits.take("a"));
        assertEquals(0, limits.take("a"));
        assertEquals(10, limits.take("a"), "empty: a whole request is 10 s away");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(7_500));
        assertEquals(3, limits.take("a"), "2.5 s still to wait, rounded up");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(2_500));
        assertEquals(0, limits.take("a"), "refilled one");
        assertEquals(10, limits.take("a"));
        assertEquals(0, limits.take("b"), "another token has its own bucket");
    }

    @Test
    void aQuietSpellRefillsNoMoreThanTheBurst() {
        nanos.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertEquals(0, limits.take("a"));
        assertEquals(0, limits.take("a"));
        assertEquals(10, limits.take("a"), "an hour's quiet is worth two requests, not 360");
    }
}
