package org.carehotline.followups;

import java.time.LocalTime;
import java.util.Optional;

/** A daily range of local time, {@code from} inclusive, {@code to} exclusive; "24:00" is the end of the day. */
public record TimeRange(LocalTime from, LocalTime to, boolean toEndOfDay) {

    public TimeRange {
        if (!toEndOfDay && !from.isBefore(to)) {
            throw new IllegalArgumentException("range must end after it starts: " + from + "-" + to);
        }
    }

    /** Parses {@code 09:00-21:00}. */
    public static TimeRange parse(String text) {
        String[] parts = text.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, got '" + text + "'");
        }
        boolean endOfDay = parts[1].strip().equals("24:00");
        return new TimeRange(LocalTime.parse(parts[0].strip()), endOfDay ? LocalTime.MAX : LocalTime.parse(parts[1].strip()),
                endOfDay);
    }

    /** The part of this range inside {@code other}, if any. */
    Optional<TimeRange> intersect(TimeRange other) {
        LocalTime start = from.isAfter(other.from) ? from : other.from;
        boolean endOfDay = toEndOfDay && other.toEndOfDay;
        LocalTime end = to.isBefore(other.to) ? to : other.to;
        return endOfDay || start.isBefore(end) ? Optional.of(new TimeRange(start, end, endOfDay)) : Optional.empty();
    }

    @Override
    public String toString() {
        return from + "-" + (toEndOfDay ? "24:00" : to.toString());
    }
}
