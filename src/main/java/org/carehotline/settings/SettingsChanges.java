package org.carehotline.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What one version changed from another, section by section, in one line for the history and the audit log. */
final class SettingsChanges {

    private SettingsChanges() {
    }

    /** E.g. {@code closed action: oncall → callback; holidays: none → 2026-10-01..2026-10-07 国庆节}; empty if nothing changed. */
    static String between(LineSettings before, LineSettings after) {
        List<String> parts = new ArrayList<>();
        List<String> days = new ArrayList<>();
        before.weekly().forEach((day, ranges) -> {
            List<DayRange> now = after.weekly().get(day);
            if (!ranges.equals(now)) {
                days.add(day.name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + show(ranges) + " → " + show(now));
            }
        });
        if (!days.isEmpty()) {
            parts.add("hours: " + String.join(", ", days));
        }
        section(parts, "closed action", before, after, s -> s.closedAction().configName());
        section(parts, "holidays", before, after, LineSettings::describeHolidays);
        section(parts, "menu", before, after, LineSettings::describeMenu);
        section(parts, "dialects", before, after, LineSettings::describeDialects);
        return String.join("; ", parts);
    }

    private static String show(List<DayRange> ranges) {
        return ranges.isEmpty() ? "closed" : DayRange.join(ranges);
    }

    private static void section(List<String> parts, String name, LineSettings before, LineSettings after,
                                Function<LineSettings, String> describe) {
        String was = describe.apply(before);
        String is = describe.apply(after);
        if (!was.equals(is)) {
            parts.add(name + ": " + was + " → " + is);
        }
    }
}
