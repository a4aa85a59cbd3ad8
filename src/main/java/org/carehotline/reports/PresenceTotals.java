package org.carehotline.reports;

import java.util.Map;
import java.util.TreeMap;

/**
 * How one counselor spent their signed-in time in a period, from the presence log, clipped to
 * the period. Signed in is every state but offline: available + ringing + on a call + wrap-up +
 * paused.
 *
 * @param onCallSeconds  time on a call: inbound, follow-up, or the phone busy otherwise
 * @param pausedByReason paused time by reason (break, meal, training, paperwork, other, missed calls)
 */
public record PresenceTotals(long signedInSeconds, long availableSeconds, long ringingSeconds, long onCallSeconds,
                             long wrapUpSeconds, Map<String, Long> pausedByReason) {

    /** No presence recorded. */
    public static final PresenceTotals NONE = new PresenceTotals(0, 0, 0, 0, 0, Map.of());

    public PresenceTotals {
        pausedByReason = Map.copyOf(new TreeMap<>(pausedByReason));
    }

    public long pausedSeconds() {
        return pausedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Occupancy = (on a call + wrap-up) / signed in, in percent; null without signed-in time. */
    public Double occupancy() {
        return ServiceRow.percent(onCallSeconds + wrapUpSeconds, signedInSeconds);
    }
}
