package org.carehotline.followups;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a worker may be called: daily ranges in the worker's own time zone (a driver on the
 * road in Xinjiang lives two hours behind Beijing time in practice). The hotline's window
 * (default 09:00-21:00) is narrowed by the worker's preferred times; preferred times outside
 * the window are ignored rather than leaving no time at all.
 */
public record CallingWindow(ZoneId zone, List<TimeRange> ranges) {

    public CallingWindow {
        ranges = ranges.stream().sorted(Comparator.comparing(TimeRange::from)).toList();
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a calling window needs at least one range");
        }
    }

    /** The hotline's window in the worker's zone, narrowed by their preferred times (none: the whole window). */
    public static CallingWindow of(ZoneId zone, TimeRange hotlineWindow, List<TimeRange> preferred) {
        List<TimeRange> narrowed = new ArrayList<>();
        for (TimeRange p : preferred) {
            hotlineWindow.intersect(p).ifPresent(narrowed::add);
        }
        return new CallingWindow(zone, narrowed.isEmpty() ? List.of(hotlineWindow) : narrowed);
    }

    public boolean contains(Instant at) {
        return nextOpening(at).equals(at);
    }

    /** {@code at} itself when it is inside the window, else the start of the next opening. */
    public Instant nextOpening(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        for (int d = 0; d <= 2; d++) {
            for (TimeRange range : ranges) {
                Instant start = ZonedDateTime.of(day.plusDays(d), range.from(), zone).toInstant();
                Instant end = range.toEndOfDay() ? day.plusDays(d + 1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day.plusDays(d), range.to(), zone).toInstant();
                if (at.isBefore(end)) {
                    return at.isBefore(start) ? start : at;
                }
            }
        }
        throw new IllegalStateException("no opening within two days: " + this);
    }
}
