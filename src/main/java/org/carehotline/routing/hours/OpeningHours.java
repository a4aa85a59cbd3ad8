package org.carehotline.routing.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When the hotline is staffed: a weekly schedule plus holidays, in the hotline's time zone.
 * Immutable and thread-safe; every answer depends only on the {@link Instant} asked about.
 *
 * <p>Ranges are half-open (open at 08:00, closed at 22:00) and belong to the day they start
 * on, so {@code fri 20:00-02:00} runs from Friday 20:00 to Saturday 02:00. A holiday replaces
 * its date's ranges with its special hours (none: closed), and nothing else is open on a
 * holiday's date: a shift from the day before stops at midnight. Local times that fall in a
 * daylight-saving gap move forward by the gap, as {@link java.time.ZonedDateTime} does.
 */
public final class OpeningHours {

    /** The default weekly schedule: a 24/7 crisis line. */
    public static final String ALWAYS_OPEN = "daily 00:00-24:00";

    /** How many days past today {@link #nextOpening} searches. */
    static final int OPENING_HORIZON_DAYS = 366;
    /** How far {@link #closesAt} looks: a line open that long counts as never closing. */
    static final Duration CLOSING_HORIZON = Duration.ofDays(7);

    private final Map<DayOfWeek, List<DailyRange>> weekly;
    private final Map<LocalDate, List<DailyRange>> holidays;
    private final ZoneId zone;

    private OpeningHours(Map<DayOfWeek, List<DailyRange>> weekly, Map<LocalDate, List<DailyRange>> holidays,
                         ZoneId zone) {
        this.weekly = weekly;
        this.holidays = holidays;
        this.zone = zone;
    }

    /**
     * Parses the two settings.
     *
     * @param weekly   e.g. {@code mon-fri 08:00-12:00,13:30-22:00; sat,sun 09:00-18:00}
     * @param holidays e.g. {@code 2026-10-01..2026-10-07, 2026-02-17=10:00-16:00}; empty for none
     * @param zone     the hotline's zone, in which days and times are read
     * @throws IllegalArgumentException naming the offending part and showing the accepted form
     */
    public static OpeningHours parse(String weekly, String holidays, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return new OpeningHours(WeeklyScheduleParser.parse(Objects.requireNonNull(weekly, "weekly")),
                HolidayParser.parse(Objects.requireNonNull(holidays, "holidays")), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether the line is staffed at {@code at}. */
    public boolean isOpen(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        return spans(today.minusDays(1), today).stream().anyMatch(span -> span.contains(at));
    }

    /**
     * The earliest instant at or after {@code at} when the line is open: {@code at} itself if it
     * is open now. Empty if it stays closed through the next 366 local days.
     */
    public Optional<Instant> nextOpening(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(OPENING_HORIZON_DAYS));
                day = day.plusDays(1)) {
            // Spans come in order of start, so the first one not yet over is the answer.
            for (Span span : spansStarting(day)) {
                if (span.end().isAfter(at)) {
                    return Optional.of(span.start().isAfter(at) ? span.start() : at);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest instant at or after {@code at} when the line is closed: when the current
     * opening ends (running on through back-to-back ranges, e.g. across midnight), or {@code at}
     * itself if it is closed now. Empty if it stays open for {@link #CLOSING_HORIZON} (7 days),
     * which is how a 24/7 line answers.
     */
    public Optional<Instant> closesAt(Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        Instant limit = at.plus(CLOSING_HORIZON);
        Instant closing = at;
        for (Span span : spans(today.minusDays(1), today.plusDays(CLOSING_HORIZON.toDays() + 1))) {
            if (span.start().isAfter(closing)) {
                break; // a gap: every later span starts later still
            }
            if (span.end().isAfter(closing)) {
                closing = span.end();
            }
            if (!closing.isBefore(limit)) {
                return Optional.empty();
            }
        }
        return Optional.of(closing);
    }

    /**
     * The weekly ranges of each day that has any, as {@code HH:MM-HH:MM} sorted by start; a range
     * running past midnight shows its end on the next day ({@code 20:00-02:00}), in the day it starts.
     */
    public Map<DayOfWeek, List<String>> weeklyRanges() {
        Map<DayOfWeek, List<String>> ranges = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, list) -> {
            if (!list.isEmpty()) {
                ranges.put(day, list.stream().map(DailyRange::toString).toList());
            }
        });
        return ranges;
    }

    /** Each holiday with its special hours as {@code HH:MM-HH:MM} (none: closed all day), by date. */
    public SortedMap<LocalDate, List<String>> holidayRanges() {
        SortedMap<LocalDate, List<String>> days = new TreeMap<>();
        holidays.forEach((date, list) -> days.put(date, list.stream().map(DailyRange::toString).toList()));
        return days;
    }

    /**
     * A one-line summary for logs, e.g. {@code mon-fri 08:00-22:00; sat,sun 09:00-18:00
     * (Asia/Shanghai); 7 holidays from 2026-10-01 to 2026-10-07, 1 with special hours}.
     */
    public String describe() {
        return WeeklyScheduleParser.format(weekly) + " (" + zone.getId() + "); " + HolidayParser.summary(holidays);
    }

    @Override
    public String toString() {
        return describe();
    }

    private List<Span> spans(LocalDate first, LocalDate last) {
        List<Span> spans = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            spans.addAll(spansStarting(day));
        }
        return spans;
    }

    /** The open spans starting on {@code day}, in order, cut at midnight before a holiday. */
    private List<Span> spansStarting(LocalDate day) {
        List<DailyRange> ranges = holidays.getOrDefault(day, weekly.get(day.getDayOfWeek()));
        int cut = holidays.containsKey(day.plusDays(1)) ? DailyRange.DAY : Integer.MAX_VALUE;
        List<Span> spans = new ArrayList<>(ranges.size());
        for (DailyRange range : ranges) {
            Instant start = instant(day, range.start());
            Instant end = instant(day, Math.min(range.end(), cut));
            if (start.isBefore(end)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    private Instant instant(LocalDate day, int minutes) {
        return day.atStartOfDay().plusMinutes(minutes).atZone(zone).toInstant();
    }

    /** Open from {@code start} (inclusive) to {@code end} (exclusive). */
    private record Span(Instant start, Instant end) {
        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
