package org.carehotline.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token: {@code burst} requests at once, refilled at {@code perMinute}.
 * In this server's memory: the limit protects this process, and a restart forgets spent
 * requests, which errs on the side of the caller. Thread-safe.
 */
final class RateLimits {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** @param nanoTime a monotonic clock ({@link System#nanoTime} in production) */
    RateLimits(int perMinute, int burst, LongSupplier nanoTime) {
        this.perNano = perMinute / NANOS_PER_MINUTE;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request from the token's bucket.
     *
     * @return 0 when the request may go on, else the whole seconds until the bucket holds one again
     */
    synchronized long take(String tokenId) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(tokenId, id -> new Bucket(burst, now));
        bucket.level = Math.min(burst, bucket.level + (now - bucket.at) * perNano);
        bucket.at = now;
        if (bucket.level >= 1) {
            bucket.level -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - bucket.level) / perNano / 1e9));
    }

    private static final class Bucket {
        double level;
        long at;

        Bucket(double level, long at) {
            this.level = level;
            this.at = at;
        }
    }
}
