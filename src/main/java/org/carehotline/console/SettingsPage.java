package org.carehotline.console;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.Category;
import org.carehotline.settings.Problem;
import org.carehotline.settings.SettingsDraft;
import org.carehotline.settings.SettingsService;
import org.carehotline.settings.SettingsVersion;

/**
 * The model of the line settings page: the form's values (as stored, or as typed when a save was
 * refused), the problems next to their fields, the version in force and the history. A few blank
 * rows under each table let an administrator add a holiday or an option.
 */
final class SettingsPage {

    static final int BLANK_HOLIDAYS = 3;
    static final int BLANK_OPTIONS = 2;
    private static final int HISTORY = 20;

    private final SettingsService settings;
    private final Formats formats;

    SettingsPage(SettingsService settings, Formats formats) {
        this.settings = settings;
        this.formats = formats;
    }

    /** The page for {@code draft}, with {@code problems} by field name (blocking: reads the history). */
    Reply.View view(SettingsDraft draft, Map<String, Problem> problems, int status) {
        SettingsVersion active = settings.active().version();
        Map<String, Object> hours = new LinkedHashMap<>();
        draft.weekly().forEach((day, text) -> hours.put(day.name(), text));
        List<Map<String, String>> holidays = new ArrayList<>(draft.holidays().stream().map(h -> Map.of("first",
                h.first(), "last", h.last(), "name", h.name(), "hours", h.hours())).toList());
        for (int i = 0; i < BLANK_HOLIDAYS; i++) {
            holidays.add(Map.of("first", "", "last", "", "name", "", "hours", ""));
        }
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        problems.forEach((field, p) -> errors.put(field, Map.of("key", p.key(), "detail", p.detail())));
        return Reply.view("admin-settings.ftlh", status)
                .with("version", draft.baseVersion() < 0 ? active.version() : draft.baseVersion())
                .with("active", Map.of("version", active.version(), "by", active.updatedBy(),
                        "at", formats.time(active.updatedAt()), "fromConfiguration", active.fromConfiguration()))
                .with("days", Arrays.stream(DayOfWeek.values()).map(Enum::name).toList())
                .with("hours", hours).with("closedAction", draft.closedAction()).with("holidays", holidays)
                .with("menu", options(draft.menu())).with("dialects", options(draft.dialects()))
                .with("categories", Arrays.stream(Category.values()).map(Enum::name).toList())
                .with("problems", errors).with("refused", !problems.isEmpty()).with("missingPrompts", settings.missingPrompts())
                .with("history", settings.history(HISTORY).stream().map(v -> Map.of("version", v.version(),
                        "by", v.updatedBy(), "at", formats.time(v.updatedAt()), "changes", v.changes())).toList());
    }

    private static List<Map<String, String>> options(List<SettingsDraft.OptionRow> rows) {
        List<Map<String, String>> options = new ArrayList<>(rows.stream()
                .map(o -> Map.of("digit", o.digit(), "value", o.value())).toList());
        for (int i = 0; i < BLANK_OPTIONS; i++) {
            options.add(Map.of("digit", "", "value", ""));
        }
        return options;
    }
}
