package org.carehotline.settings;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings form as typed, every field a string, before validation. Field names, shared with
 * the template {@code admin-settings.ftlh} and the problems' keys: {@code version},
 * {@code hours.MONDAY} … {@code hours.SUNDAY}, {@code closedAction},
 * {@code holiday.<i>.first|last|name|hours}, {@code menu.<i>.digit|category} and
 * {@code dialect.<i>.digit|name}, rows numbered from 0. A row left blank is no row.
 *
 * @param baseVersion the version the form was loaded from: saving on top of a newer one is refused
 */
public record SettingsDraft(int baseVersion, Map<DayOfWeek, String> weekly, String closedAction,
                            List<HolidayRow> holidays, List<OptionRow> menu, List<OptionRow> dialects) {

    /** Most rows of one table the form may send. */
    static final int MAX_ROWS = 100;

    public record HolidayRow(String first, String last, String name, String hours) {
        boolean blank() {
            return (first + last + name + hours).isBlank();
        }
    }

    /** A menu row: the key and the category (main menu) or the dialect's name (dialect menu). */
    public record OptionRow(String digit, String value) {
        boolean blank() {
            return (digit + value).isBlank();
        }
    }

    /** The form filled from stored settings. */
    public static SettingsDraft of(LineSettings s, int version) {
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        s.weekly().forEach((day, ranges) -> weekly.put(day, DayRange.join(ranges)));
        return new SettingsDraft(version, weekly, s.closedAction().configName(),
                s.holidays().stream().map(h -> new HolidayRow(h.first().toString(),
                        h.last().equals(h.first()) ? "" : h.last().toString(), h.name(), DayRange.join(h.hours())))
                        .toList(),
                s.menu().stream().map(o -> new OptionRow(String.valueOf(o.digit()), o.category().name())).toList(),
                s.dialects().stream().map(o -> new OptionRow(String.valueOf(o.digit()), o.dialect())).toList());
    }

    /** The form as posted: {@code fields} by name (absent ones read as empty). */
    public static SettingsDraft fromForm(Map<String, String> fields) {
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, get(fields, "hours." + day));
        }
        List<HolidayRow> holidays = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && fields.containsKey("holiday." + i + ".first"); i++) {
            String row = "holiday." + i + ".";
            holidays.add(new HolidayRow(get(fields, row + "first"), get(fields, row + "last"),
                    get(fields, row + "name"), get(fields, row + "hours")));
        }
        return new SettingsDraft(version(get(fields, "version")), weekly, get(fields, "closedAction"), holidays,
                options(fields, "menu", "category"), options(fields, "dialect", "name"));
    }

    private static List<OptionRow> options(Map<String, String> fields, String table, String valueField) {
        List<OptionRow> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && fields.containsKey(table + "." + i + ".digit"); i++) {
            rows.add(new OptionRow(get(fields, table + "." + i + ".digit"),
                    get(fields, table + "." + i + "." + valueField)));
        }
        return rows;
    }

    private static String get(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value.strip();
    }

    private static int version(String text) {
        return text.matches("\\d{1,9}") ? Integer.parseInt(text) : -1;
    }
}
