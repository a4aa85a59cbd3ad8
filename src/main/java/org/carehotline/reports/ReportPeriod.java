package org.carehotline.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days a report covers, in the hotline's zone, and how its figures are bucketed. A call
 * belongs to the bucket in which it started (a call from 23:58 to 00:10 counts on the first day).
 *
 * @param from  first day, inclusive
 * @param to    last day, inclusive
 */
public record ReportPeriod(LocalDate from, LocalDate to, Bucket bucket, ZoneId zone) {

    /** Bucket sizes. Weeks start on Monday and are labelled with their Monday. */
    public enum Bucket { HOUR, DAY, WEEK }

    /** Longest range a report accepts, so an hourly report stays a readable chart. */
    static final int MAX_DAYS = 400;
    static final int MAX_HOUR_DAYS = 31;

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last day is before the first day");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " days");
        }
        if (bucket == Bucket.HOUR && from.plusDays(MAX_HOUR_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("hourly figures for at most " + MAX_HOUR_DAYS + " days");
        }
    }

    /**
     * From request parameters (yyyy-MM-dd and hour/day/week); missing ones default to the last
     * seven days up to today, by day. Throws IllegalArgumentException on a malformed value.
     */
    public static ReportPeriod parse(String from, String to, String bucket, LocalDate today, ZoneId zone) {
        try {
            LocalDate last = blank(to) ? today : LocalDate.parse(to.strip());
            LocalDate first = blank(from) ? last.minusDays(6) : LocalDate.parse(from.strip());
            Bucket size = blank(bucket) ? Bucket.DAY : Bucket.valueOf(bucket.strip().toUpperCase(Locale.ROOT));
            return new ReportPeriod(first, last, size, zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dates are written yyyy-MM-dd", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The $dateToString format the database groups by: hours for HOUR, days otherwise (weeks are folded from days). */
    String groupFormat() {
        return bucket == Bucket.HOUR ? "%Y-%m-%d %H" : "%Y-%m-%d";
    }

    /** The bucket label for a grouped key ("2026-11-22 08" or "2026-11-22"). */
    String label(String groupKey) {
        if (bucket != Bucket.WEEK) {
            return bucket == Bucket.HOUR ? groupKey + ":00" : groupKey;
        }
        return LocalDate.parse(groupKey).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    }

    /** Every bucket label of the period in order, so that quiet hours show as zero rather than vanish. */
    List<String> labels() {
        List<String> labels = new ArrayList<>();
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("yyyy-MM-dd HH");
        switch (bucket) {
            case HOUR -> {
                for (LocalDateTime t = from.atStartOfDay(); t.isBefore(to.plusDays(1).atStartOfDay()); t = t.plusHours(1)) {
                    labels.add(label(t.format(hour)));
                }
            }
            case DAY -> from.datesUntil(to.plusDays(1)).forEach(d -> labels.add(d.toString()));
            case WEEK -> from.datesUntil(to.plusDays(1)).map(d -> label(d.toString())).distinct().forEach(labels::add);
        }
        return labels;
    }
}
