package org.carehotline.settings;

import java.time.LocalDate;
import java.util.List;

/**
 * A day or a run of days with its own hours: closed all day, or open only in {@code hours}.
 *
 * @param first the first date, in the hotline's zone
 * @param last  the last date (the same as {@code first} for one day)
 * @param name  what it is, e.g. 国庆节 (may be empty: the keys it was seeded from have no names)
 * @param hours special hours on each of its days; empty: closed all day
 */
public record Holiday(LocalDate first, LocalDate last, String name, List<DayRange> hours) {

    public Holiday {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("holiday ends before it starts: " + first + ".." + last);
        }
        hours = List.copyOf(hours);
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    boolean overlaps(Holiday other) {
        return !other.last.isBefore(first) && !other.first.isAfter(last);
    }

    /** The dates as the {@code hours.holidays} key writes them: {@code 2026-10-01} or {@code 2026-10-01..2026-10-07}. */
    String dates() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }

    /** The item of the {@code hours.holidays} syntax: dates, then {@code =} and the special hours if any. */
    String syntax() {
        return hours.isEmpty() ? dates() : dates() + "=" + DayRange.join(hours);
    }
}
