package org.carehotline.routing.hours;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes the weekly schedule, e.g. {@code mon-fri 08:00-12:00,13:30-22:00; sat,sun
 * 09:00-18:00}. Both directions live here so the two syntaxes cannot drift apart.
 */
final class WeeklyScheduleParser {

    private static final String DAYS_FORM = "(expected mon..sun, daily, ranges like mon-fri)";
    private static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private WeeklyScheduleParser() {}

    /**
     * Parses a schedule. Entries are separated by {@code ;}; a day named in several entries gets
     * all their ranges (so {@code daily 08:00-20:00; fri 20:00-02:00} adds a Friday night).
     *
     * @return every day of the week, mapped to its ranges sorted by start (possibly none)
     * @throws IllegalArgumentException naming the offending entry and the accepted form
     */
    static Map<DayOfWeek, List<DailyRange>> parse(String text) {
        Map<DayOfWeek, List<DailyRange>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.put(day, new ArrayList<>());
        }
        boolean any = false;
        for (String raw : text.split(";")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue; // tolerates a trailing ';'
            }
            try {
                parseEntry(entry, byDay);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + entry + "': " + e.getMessage(), e);
            }
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("empty weekly schedule (expected e.g. "
                    + "'mon-fri 08:00-22:00; sat,sun 09:00-18:00', or 'daily 00:00-24:00' for 24/7)");
        }
        byDay.replaceAll((day, ranges) -> ranges.stream()
                .sorted(Comparator.comparingInt(DailyRange::start)).toList());
        return Map.copyOf(byDay);
    }

    private static void parseEntry(String entry, Map<DayOfWeek, List<DailyRange>> byDay) {
        int firstDigit = 0;
        while (firstDigit < entry.length() && !Character.isDigit(entry.charAt(firstDigit))) {
            firstDigit++;
        }
        String days = entry.substring(0, firstDigit).strip();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days before the times " + DAYS_FORM);
        }
        if (firstDigit == entry.length()) {
            throw new IllegalArgumentException("no opening times after the days "
                    + "(expected days then HH:MM-HH:MM, e.g. mon-fri 08:00-22:00)");
        }
        List<DailyRange> ranges = new ArrayList<>();
        for (String range : entry.substring(firstDigit).split(",", -1)) {
            ranges.add(DailyRange.parse(range));
        }
        for (DayOfWeek day : parseDays(days)) {
            byDay.get(day).addAll(ranges);
        }
    }

    /** {@code daily}, {@code sat}, {@code sat,sun}, {@code mon-fri}; {@code fri-mon} wraps past Sunday. */
    private static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = new TreeSet<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip().toLowerCase(Locale.ROOT);
            if (item.equals("daily")) {
                days.addAll(List.of(DayOfWeek.values()));
                continue;
            }
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("unknown days '" + raw.strip() + "' " + DAYS_FORM);
            }
            DayOfWeek from = day(ends[0].strip());
            DayOfWeek to = ends.length == 2 ? day(ends[1].strip()) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        int index = NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown day '" + name + "' " + DAYS_FORM);
        }
        return DayOfWeek.of(index + 1);
    }

    /** The canonical form of a schedule: days sharing the same ranges are grouped, Monday first. */
    static String format(Map<DayOfWeek, List<DailyRange>> byDay) {
        Map<List<DailyRange>, List<DayOfWeek>> groups = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<DailyRange> ranges = byDay.getOrDefault(day, List.of());
            if (!ranges.isEmpty()) {
                groups.computeIfAbsent(ranges, r -> new ArrayList<>()).add(day);
            }
        }
        List<String> entries = new ArrayList<>();
        groups.forEach((ranges, days) -> entries.add(formatDays(days) + " "
                + String.join(",", ranges.stream().map(DailyRange::toString).toList())));
        return entries.isEmpty() ? "never open" : String.join("; ", entries);
    }

    private static String formatDays(List<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < days.size(); ) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            String first = NAMES.get(days.get(i).getValue() - 1);
            String last = NAMES.get(days.get(j).getValue() - 1);
            parts.add(j == i ? first : j == i + 1 ? first + "," + last : first + "-" + last);
            i = j + 1;
        }
        return String.join(",", parts);
    }
}
