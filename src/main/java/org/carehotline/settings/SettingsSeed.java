package org.carehotline.settings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.Category;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.routing.hours.OpeningHours;

/**
 * The settings the configuration keys describe ({@code hours.weekly}, {@code hours.holidays},
 * {@code hours.closed-action}, {@code routing.dialect-menu}, and the menu the line always had):
 * what applies while an administrator has saved nothing.
 */
final class SettingsSeed {

    /** 1 psychological support, 2 legal advice, 3 hardship help, 0 "I need help now". */
    static final List<MenuOption> DEFAULT_MENU = List.of(new MenuOption('1', Category.PSYCHOLOGICAL_SUPPORT),
            new MenuOption('2', Category.LEGAL_ADVICE), new MenuOption('3', Category.HARDSHIP_ASSISTANCE),
            new MenuOption('0', Category.CRISIS_INTERVENTION));

    private SettingsSeed() {
    }

    static LineSettings from(CallConfig calls) {
        List<DialectOption> dialects = new ArrayList<>();
        for (int i = 0; i < calls.dialectMenu().size(); i++) {
            dialects.add(new DialectOption((char) ('1' + i), calls.dialectMenu().get(i)));
        }
        return new LineSettings(weekly(calls.hours()), holidays(calls.hours()), calls.closedAction(), DEFAULT_MENU,
                dialects);
    }

    /** The key's ranges by day; one running past midnight becomes its evening and the next day's morning. */
    private static Map<DayOfWeek, List<DayRange>> weekly(OpeningHours hours) {
        Map<DayOfWeek, List<DayRange>> days = new EnumMap<>(DayOfWeek.class);
        hours.weeklyRanges().forEach((day, ranges) -> {
            for (String range : ranges) {
                String[] ends = range.split("-");
                int start = DayRange.time(ends[0]);
                int end = DayRange.time(ends[1]);
                if (end > start) {
                    add(days, day, new DayRange(start, end));
                } else {
                    add(days, day, new DayRange(start, DayRange.DAY));
                    add(days, day.plus(1), new DayRange(0, end));
                }
            }
        });
        days.values().forEach(list -> list.sort(Comparator.comparingInt(DayRange::start)));
        return days;
    }

    private static void add(Map<DayOfWeek, List<DayRange>> days, DayOfWeek day, DayRange range) {
        days.computeIfAbsent(day, d -> new ArrayList<>()).add(range);
    }

    /** Consecutive dates with the same hours become one holiday (without a name: the key has none). */
    private static List<Holiday> holidays(OpeningHours hours) {
        List<Holiday> holidays = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        List<String> runHours = null;
        for (Map.Entry<LocalDate, List<String>> day : hours.holidayRanges().entrySet()) {
            if (first != null && day.getKey().equals(last.plusDays(1)) && day.getValue().equals(runHours)) {
                last = day.getKey();
                continue;
            }
            if (first != null) {
                holidays.add(holiday(first, last, runHours));
            }
            first = day.getKey();
            last = first;
            runHours = day.getValue();
        }
        if (first != null) {
            holidays.add(holiday(first, last, runHours));
        }
        return holidays;
    }

    private static Holiday holiday(LocalDate first, LocalDate last, List<String> hours) {
        return new Holiday(first, last, "", hours.stream().map(DayRange::parse).toList());
    }
}
