package org.carehotline.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latencies in nanoseconds, recorded from many threads into a preallocated array (no
 * allocation per sample) and sorted once for the report. Samples beyond the capacity are
 * counted but not kept.
 */
final class LatencyRecorder {

    /** What the report prints for one recorder. */
    record Summary(String name, int count, long dropped, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                   double meanMs) {

        boolean empty() {
            return count == 0;
        }

        String row() {
            if (count == 0) {
                return String.format(Locale.ROOT, "  %-44s %7s", name, "n=0");
            }
            return String.format(Locale.ROOT, "  %-44s %7d %9.2f %9.2f %9.2f %9.2f %9.2f", name, count, p50Ms, p90Ms,
                    p99Ms, maxMs, meanMs);
        }

        static String header() {
            return String.format(Locale.ROOT, "  %-44s %7s %9s %9s %9s %9s %9s", "latency (ms)", "n", "p50", "p90",
                    "p99", "max", "mean");
        }
    }

    private final String name;
    private final long[] samples;
    private final AtomicInteger next = new AtomicInteger();

    LatencyRecorder(String name, int capacity) {
        this.name = name;
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        int i = next.getAndIncrement();
        if (i < samples.length) {
            samples[i] = Math.max(0, nanos);
        }
    }

    /** How many samples exceeded {@code thresholdNanos} (counting only those kept). */
    int countAbove(long thresholdNanos) {
        int n = Math.min(next.get(), samples.length);
        int above = 0;
        for (int i = 0; i < n; i++) {
            if (samples[i] > thresholdNanos) {
                above++;
            }
        }
        return above;
    }

    Summary summary() {
        int recorded = next.get();
        int n = Math.min(recorded, samples.length);
        if (n == 0) {
            return new Summary(name, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        double sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return new Summary(name, n, recorded - n, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
                ms(percentile(sorted, 99)), ms(sorted[n - 1]), sum / n / 1e6);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
