package org.carehotline.reports;

import java.util.Map;
import java.util.NavigableMap;

/**
 * One IVR path's figures. Times are seconds with one decimal, from the answer of the caller's
 * channel; null where no call of the path got that far.
 *
 * @param path         new, returning, key0-at-once, key0-in-prompt or no-key
 * @param calls        calls that took the path
 * @param rang         of those, with a phone dialed for them (n of the ringing times)
 * @param toRingingP50 median seconds from answer to the first phone ringing
 * @param toRingingP90 90th percentile of the same
 * @param humans       of those, answered by a human (n of the human times)
 * @param toHumanP50   median seconds from answer to a human answering
 * @param toHumanP90   90th percentile of the same
 */
public record IvrRow(String path, long calls, long rang, Double toRingingP50, Double toRingingP90, long humans,
                     Double toHumanP50, Double toHumanP90) {

    static IvrRow of(String path, long calls, NavigableMap<Long, Long> ringing, NavigableMap<Long, Long> human) {
        return new IvrRow(path, calls, total(ringing), seconds(ringing, 0.5), seconds(ringing, 0.9), total(human),
                seconds(human, 0.5), seconds(human, 0.9));
    }

    private static long total(Map<Long, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The nearest-rank percentile of counts by tenths of a second, in seconds; null when empty. */
    static Double seconds(NavigableMap<Long, Long> countsByTenths, double quantile) {
        long n = total(countsByTenths);
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * n));
        long seen = 0;
        for (Map.Entry<Long, Long> e : countsByTenths.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey() / 10.0;
            }
        }
        return countsByTenths.lastKey() / 10.0;
    }
}
