package org.carehotline.routing.hours;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the holidays setting: comma-separated dates ({@code 2026-10-01}), date ranges
 * ({@code 2026-10-01..2026-10-07}) and special hours ({@code 2026-02-17=10:00-16:00}). Special
 * hours may list several ranges, since a bare time range after one continues it:
 * {@code 2026-02-17=09:00-12:00,14:00-17:00}.
 */
final class HolidayParser {

    private static final String FORM = "(expected ISO dates like 2026-10-01, ranges like "
            + "2026-10-01..2026-10-07, or special hours like 2026-02-17=10:00-16:00)";
    /** A longer range is almost surely a typo in a year, and would make a huge table. */
    static final int MAX_RANGE_DAYS = 366;
    private static final Pattern STARTS_WITH_TIME = Pattern.compile("^\\d{1,2}:.*");

    private HolidayParser() {}

    /**
     * @return each holiday mapped to its special hours sorted by start; an empty list means
     *         closed all day. A date given both plainly and with special hours has the hours.
     * @throws IllegalArgumentException naming the offending item and the accepted form
     */
    static Map<LocalDate, List<DailyRange>> parse(String text) {
        Map<LocalDate, List<DailyRange>> days = new TreeMap<>();
        List<LocalDate> lastSpecial = List.of(); // the dates a bare time range continues
        for (String raw : text.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            try {
                if (!lastSpecial.isEmpty() && STARTS_WITH_TIME.matcher(item).matches()) {
                    addHours(days, lastSpecial, item);
                    continue;
                }
                int eq = item.indexOf('=');
                List<LocalDate> dates = dates(eq < 0 ? item : item.substring(0, eq).strip());
                if (eq < 0) {
                    dates.forEach(date -> days.putIfAbsent(date, new ArrayList<>()));
                    lastSpecial = List.of();
                } else {
                    addHours(days, dates, item.substring(eq + 1));
                    lastSpecial = dates;
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + item + "': " + e.getMessage(), e);
            }
        }
        days.replaceAll((date, ranges) -> ranges.stream()
                .sorted(Comparator.comparingInt(DailyRange::start)).toList());
        return Map.copyOf(days);
    }

    private static void addHours(Map<LocalDate, List<DailyRange>> days, List<LocalDate> dates, String text) {
        DailyRange range = DailyRange.parse(text);
        if (range.crossesMidnight()) {
            // A holiday is about one local date; hours spilling into the next one would
            // silently reopen a day that may itself be a holiday.
            throw new IllegalArgumentException("special hours '" + range
                    + "' run past midnight (they must end by 24:00 the same day)");
        }
        dates.forEach(date -> days.computeIfAbsent(date, d -> new ArrayList<>()).add(range));
    }

    private static List<LocalDate> dates(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            return List.of(date(text));
        }
        LocalDate first = date(text.substring(0, dots).strip());
        LocalDate last = date(text.substring(dots + 2).strip());
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("date range ends before it starts " + FORM);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("date range longer than " + MAX_RANGE_DAYS + " days " + FORM);
        }
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad date '" + text + "' " + FORM, e);
        }
    }

    /**
     * A short summary: {@code no holidays}, or
     * {@code 8 holidays from 2026-02-17 to 2026-10-07, 1 with special hours}.
     */
    static String summary(Map<LocalDate, List<DailyRange>> holidays) {
        if (holidays.isEmpty()) {
            return "no holidays";
        }
        long special = holidays.values().stream().filter(hours -> !hours.isEmpty()).count();
        return holidays.size() + (holidays.size() == 1 ? " holiday" : " holidays")
                + " from " + Collections.min(holidays.keySet()) + " to " + Collections.max(holidays.keySet())
                + (special == 0 ? "" : ", " + special + " with special hours");
    }
}
