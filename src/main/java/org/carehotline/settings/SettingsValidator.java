package org.carehotline.settings;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.routing.hours.OutOfHoursAction;

/**
 * Checks a submitted form field by field and builds the settings only when every field is
 * right: a problem is reported next to its field, and nothing is saved while there is one.
 * Besides syntax it refuses a week that never opens, ranges that run backwards or overlap,
 * holidays that overlap, keys used twice, a menu without its "help now" key, and any option whose
 * prompt is not in the prompt table: a caller must never hear silence where an option should be.
 */
final class SettingsValidator {

    static final int MAX_NAME = 40;
    static final int MAX_HOLIDAY_DAYS = 366;

    /** The settings, or the problems by field name (never both). */
    record Result(Optional<LineSettings> settings, Map<String, Problem> problems) {}

    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private final PromptCatalog catalog;
    private final Optional<Set<String>> prompts;

    private SettingsValidator(PromptCatalog catalog) {
        this.catalog = catalog;
        this.prompts = catalog.names();
    }

    static Result validate(SettingsDraft draft, PromptCatalog catalog, ZoneId zone) {
        return new SettingsValidator(catalog).check(draft, zone);
    }

    private Result check(SettingsDraft draft, ZoneId zone) {
        Map<DayOfWeek, List<DayRange>> weekly = weekly(draft.weekly());
        OutOfHoursAction closed = closedAction(draft.closedAction());
        List<Holiday> holidays = holidays(draft.holidays());
        List<MenuOption> menu = menu(draft.menu());
        List<DialectOption> dialects = dialects(draft.dialects());
        if (prompts.isEmpty()) {
            problems.putIfAbsent("menu", new Problem("settings.error.noPromptTable", catalog.source()));
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), Map.copyOf(problems));
        }
        LineSettings settings = new LineSettings(weekly, holidays, closed, menu, dialects);
        try {
            settings.openingHours(zone);
        } catch (IllegalArgumentException e) {
            // the checks above should leave nothing for routing's parser to refuse; if it does, say so
            return new Result(Optional.empty(), Map.of("hours", new Problem("settings.error.hours", e.getMessage())));
        }
        return new Result(Optional.of(settings), Map.of());
    }

    private Map<DayOfWeek, List<DayRange>> weekly(Map<DayOfWeek, String> fields) {
        Map<DayOfWeek, List<DayRange>> weekly = new EnumMap<>(DayOfWeek.class);
        boolean parsedAll = true;
        for (DayOfWeek day : DayOfWeek.values()) {
            try {
                weekly.put(day, DayRange.parseList(fields.getOrDefault(day, "")));
            } catch (Problem.Invalid e) {
                problems.put("hours." + day, e.problem);
                parsedAll = false;
            }
        }
        if (parsedAll && weekly.values().stream().allMatch(List::isEmpty)) {
            problems.put("hours", Problem.of("settings.error.neverOpen"));
        }
        return weekly;
    }

    private OutOfHoursAction closedAction(String text) {
        try {
            return OutOfHoursAction.parse(text);
        } catch (IllegalArgumentException e) {
            problems.put("closedAction", Problem.of("error.invalid"));
            return OutOfHoursAction.CALLBACK;
        }
    }

    private List<Holiday> holidays(List<SettingsDraft.HolidayRow> rows) {
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SettingsDraft.HolidayRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String field = "holiday." + i + ".";
            Optional<LocalDate> first = date(row.first(), field + "first", true);
            Optional<LocalDate> last = row.last().isEmpty() ? first : date(row.last(), field + "last", false);
            if (row.name().length() > MAX_NAME) {
                problems.put(field + "name", Problem.of("error.tooLong"));
            }
            List<DayRange> hours = List.of();
            try {
                hours = DayRange.parseList(row.hours());
            } catch (Problem.Invalid e) {
                problems.put(field + "hours", e.problem);
            }
            if (first.isEmpty() || last.isEmpty()) {
                continue;
            }
            if (last.get().isBefore(first.get())) {
                problems.put(field + "last", Problem.of("settings.error.dateOrder"));
            } else if (ChronoUnit.DAYS.between(first.get(), last.get()) >= MAX_HOLIDAY_DAYS) {
                problems.put(field + "last", new Problem("settings.error.dateSpan", String.valueOf(MAX_HOLIDAY_DAYS)));
            } else {
                Holiday holiday = new Holiday(first.get(), last.get(), row.name(), hours);
                holidays.stream().filter(holiday::overlaps).findFirst().ifPresentOrElse(
                        other -> problems.put(field + "first", new Problem("settings.error.holidayOverlap",
                                other.dates())),
                        () -> holidays.add(holiday));
            }
        }
        return holidays;
    }

    private Optional<LocalDate> date(String text, String field, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                problems.put(field, Problem.of("error.required"));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            problems.put(field, new Problem("settings.error.date", text));
            return Optional.empty();
        }
    }

    private List<MenuOption> menu(List<SettingsDraft.OptionRow> rows) {
        List<MenuOption> menu = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SettingsDraft.OptionRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String field = "menu." + i + ".";
            Optional<Character> digit = digit(row.digit(), field + "digit", menu);
            Optional<Category> category = category(row.value(), field + "category", menu);
            if (digit.isPresent() && category.isPresent()) {
                MenuOption option = new MenuOption(digit.get(), category.get());
                checkPrompts(option, field + "digit", field + "category");
                menu.add(option);
            }
        }
        if (problems.keySet().stream().noneMatch(k -> k.startsWith("menu."))
                && menu.stream().noneMatch(o -> o.category() == Category.CRISIS_INTERVENTION)) {
            // the line's promise: a worker in danger can always press one key for a person now
            problems.put("menu", Problem.of("settings.error.noHelpNow"));
        }
        return menu;
    }

    private Optional<Category> category(String text, String field, List<MenuOption> earlier) {
        Optional<Category> category = Arrays.stream(Category.values()).filter(c -> c.name().equals(text))
                .findFirst();
        if (category.isEmpty()) {
            problems.put(field, Problem.of(text.isEmpty() ? "error.required" : "error.invalid"));
        } else if (earlier.stream().anyMatch(o -> o.category() == category.get())) {
            problems.put(field, Problem.of("settings.error.duplicateCategory"));
            return Optional.empty();
        }
        return category;
    }

    private List<DialectOption> dialects(List<SettingsDraft.OptionRow> rows) {
        List<DialectOption> dialects = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SettingsDraft.OptionRow row = rows.get(i);
            if (row.blank()) {
                continue;
            }
            String field = "dialect." + i + ".";
            Optional<Character> digit = digit(row.digit(), field + "digit", dialects);
            String name = row.value().toLowerCase(Locale.ROOT);
            boolean nameOk = name.matches("[a-z0-9-]{1,30}");
            if (!nameOk) {
                problems.put(field + "name", Problem.of(name.isEmpty() ? "error.required" : "settings.error.dialect"));
            } else if (dialects.stream().anyMatch(o -> o.dialect().equals(name))) {
                problems.put(field + "name", Problem.of("settings.error.duplicateDialect"));
                nameOk = false;
            }
            if (digit.isPresent() && nameOk) {
                DialectOption option = new DialectOption(digit.get(), name);
                checkPrompts(option, field + "digit", field + "name");
                dialects.add(option);
            }
        }
        return dialects;
    }

    private Optional<Character> digit(String text, String field, List<? extends KeyOption> earlier) {
        if (!text.matches("[0-9]")) {
            problems.put(field, Problem.of(text.isEmpty() ? "error.required" : "settings.error.digit"));
            return Optional.empty();
        }
        char digit = text.charAt(0);
        if (earlier.stream().anyMatch(o -> o.digit() == digit)) {
            problems.put(field, new Problem("settings.error.duplicateDigit", text));
            return Optional.empty();
        }
        return Optional.of(digit);
    }

    /** Refuses an option whose prompt (or "press" prompt) the line does not have, naming the file. */
    private void checkPrompts(KeyOption option, String digitField, String optionField) {
        if (prompts.isEmpty()) {
            return;
        }
        if (!prompts.get().contains(KeyOption.pressPrompt(option.digit()))) {
            problems.put(digitField, new Problem("settings.error.missingPrompt", KeyOption.pressPrompt(option.digit())));
        }
        if (!prompts.get().contains(option.prompt())) {
            problems.put(optionField, new Problem("settings.error.missingPrompt", option.prompt()));
        }
    }
}
