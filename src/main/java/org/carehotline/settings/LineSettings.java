package org.carehotline.settings;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.routing.hours.OpeningHours;
import org.carehotline.routing.hours.OutOfHoursAction;

/**
 * What an administrator sets for the line: weekly hours, holidays, what happens while closed,
 * the main menu and the dialect menu. Immutable; validated by {@link SettingsValidator} before
 * it is ever stored.
 *
 * @param weekly       each day's opening ranges (a day without any is closed)
 * @param closedAction what a call outside the hours gets: the on-call number or a call-back request
 * @param menu         the main menu's options in the order they are announced
 * @param dialects     the dialect menu's options in order (none: no dialect menu)
 */
public record LineSettings(Map<DayOfWeek, List<DayRange>> weekly, List<Holiday> holidays,
                           OutOfHoursAction closedAction, List<MenuOption> menu, List<DialectOption> dialects) {

    public LineSettings {
        Map<DayOfWeek, List<DayRange>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.copyOf(weekly.getOrDefault(day, List.of())));
        }
        weekly = Collections.unmodifiableMap(days);
        holidays = List.copyOf(holidays);
        menu = List.copyOf(menu);
        dialects = List.copyOf(dialects);
    }

    /** The hours in routing's terms, read in the hotline's zone. */
    public OpeningHours openingHours(ZoneId zone) {
        List<String> entries = new ArrayList<>();
        weekly.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                entries.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + DayRange.join(ranges));
            }
        });
        return OpeningHours.parse(String.join("; ", entries),
                String.join(", ", holidays.stream().map(Holiday::syntax).toList()), zone);
    }

    /** The category a main-menu key asks for; empty for a key the menu does not have. */
    public Optional<Category> category(char key) {
        return menu.stream().filter(o -> o.digit() == key).map(MenuOption::category).findFirst();
    }

    /** The keys of the main menu, in ascending order ({@code 0123}): what may interrupt its prompts. */
    public String menuDigits() {
        return digits(menu);
    }

    /** The dialect a dialect-menu key chooses; empty for a key the menu does not have. */
    public Optional<String> dialect(char key) {
        return dialects.stream().filter(o -> o.digit() == key).map(DialectOption::dialect).findFirst();
    }

    public String dialectDigits() {
        return digits(dialects);
    }

    /** Every sound file the two menus play. */
    public Set<String> prompts() {
        Set<String> prompts = new LinkedHashSet<>();
        for (KeyOption o : allOptions()) {
            prompts.add(o.prompt());
            prompts.add(KeyOption.pressPrompt(o.digit()));
        }
        return prompts;
    }

    private List<KeyOption> allOptions() {
        List<KeyOption> all = new ArrayList<>(menu);
        all.addAll(dialects);
        return all;
    }

    private static String digits(List<? extends KeyOption> options) {
        return options.stream().map(o -> String.valueOf(o.digit())).sorted().reduce("", String::concat);
    }

    /** The weekly hours in one line: {@code mon 08:00-22:00; …; sun closed}. */
    public String describeHours() {
        List<String> days = new ArrayList<>();
        weekly.forEach((day, ranges) -> days.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT) + " "
                + (ranges.isEmpty() ? "closed" : DayRange.join(ranges))));
        return String.join("; ", days);
    }

    /** The holidays in one line: {@code 2026-10-01..2026-10-07 国庆节, 2026-02-17=10:00-16:00 除夕}. */
    public String describeHolidays() {
        return holidays.isEmpty() ? "none" : String.join(", ", holidays.stream()
                .map(h -> (h.syntax() + " " + h.name()).strip()).toList());
    }

    /** The main menu in one line: {@code 1 PSYCHOLOGICAL_SUPPORT, …}. */
    public String describeMenu() {
        return String.join(", ", menu.stream().map(o -> o.digit() + " " + o.category()).toList());
    }

    public String describeDialects() {
        return dialects.isEmpty() ? "none" : String.join(", ", dialects.stream().map(o -> o.digit() + " " + o.dialect())
                .toList());
    }
}
