package org.carehotline.settings;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.Category;
import org.carehotline.routing.hours.OpeningHours;
import org.carehotline.routing.hours.OutOfHoursAction;
import org.carehotline.support.SettingsForm;
import org.junit.jupiter.api.Test;

/** Every field of the line settings form is checked, with the problem named next to its field. */
class SettingsValidatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final PromptCatalog PROMPTS = new PromptCatalog(Path.of("dialplan/prompts/prompts.tsv"));

    private static SettingsValidator.Result check(SettingsForm form) {
        return SettingsValidator.validate(form.draft(), PROMPTS, SHANGHAI);
    }

    private static Map<String, Problem> problems(SettingsForm form) {
        SettingsValidator.Result result = check(form);
        assertTrue(result.settings().isEmpty(), "refused as a whole: " + result);
        return result.problems();
    }

    @Test
    void aGoodFormBecomesSettingsRoutingCanUse() {
        SettingsValidator.Result result = check(new SettingsForm().day(MONDAY, "08:00-12:00, 13:30-22:00")
                .day(SUNDAY, "").closed("callback")
                .holiday("2026-10-01", "2026-10-07", "国庆节", "")
                .holiday("2026-02-17", "", "除夕", "10:00-16:00")
                .menu('4', "PSYCHOLOGICAL_SUPPORT").menu('0', "CRISIS_INTERVENTION")
                .dialect("1", "Cantonese").dialect("", "").menu("", ""));

        assertEquals(Map.of(), result.problems());
        LineSettings s = result.settings().orElseThrow();
        assertEquals(List.of(new DayRange(480, 720), new DayRange(810, 1320)), s.weekly().get(MONDAY));
        assertEquals(List.of(), s.weekly().get(SUNDAY));
        assertEquals(OutOfHoursAction.CALLBACK, s.closedAction());
        assertEquals(List.of(new MenuOption('4', Category.PSYCHOLOGICAL_SUPPORT),
                new MenuOption('0', Category.CRISIS_INTERVENTION)), s.menu(), "blank rows are no rows");
        assertEquals("04", s.menuDigits());
        assertEquals(List.of(new DialectOption('1', "cantonese")), s.dialects(), "names are lower-cased");

        OpeningHours hours = s.openingHours(SHANGHAI);
        assertTrue(hours.isOpen(Instant.parse("2026-11-23T03:59:00Z")), "Monday 11:59 Shanghai: open");
        assertFalse(hours.isOpen(Instant.parse("2026-11-23T05:00:00Z")), "Monday 13:00: lunch break");
        assertTrue(hours.isOpen(Instant.parse("2026-11-23T05:30:00Z")), "Monday 13:30: open again");
        assertFalse(hours.isOpen(Instant.parse("2026-11-22T04:00:00Z")), "Sunday: closed");
        assertFalse(hours.isOpen(Instant.parse("2026-10-05T04:00:00Z")), "National Day week: closed");
        assertTrue(hours.isOpen(Instant.parse("2026-02-17T03:00:00Z")), "Chinese New Year's Eve 11:00: special hours");
        assertFalse(hours.isOpen(Instant.parse("2026-02-17T09:00:00Z")), "17:00 that day: closed");
    }

    @Test
    void aRangeTypedTheWrongWayRoundIsRefusedNotTakenForANightShift() {
        Map<String, Problem> problems = problems(new SettingsForm().usualMenu().day(FRIDAY, "22:00-08:00"));
        assertEquals(Map.of("hours.FRIDAY", new Problem("settings.error.backwards", "22:00-08:00")), problems);
    }

    @Test
    void overlappingRangesAreNamed() {
        Map<String, Problem> problems = problems(new SettingsForm().usualMenu()
                .day(MONDAY, "13:00-18:00, 08:00-13:30"));
        assertEquals(new Problem("settings.error.overlap", "08:00-13:30 / 13:00-18:00"), problems.get("hours.MONDAY"));
        assertTrue(check(new SettingsForm().usualMenu().day(MONDAY, "08:00-13:00,13:00-18:00")).problems().isEmpty(),
                "ranges that only touch are fine");
    }

    @Test
    void malformedTimesAreRefused() {
        for (String bad : List.of("8-12", "08:00-24:30", "24:00-24:00", "25:00-26:00", "08:60-09:00", "morning")) {
            Map<String, Problem> problems = problems(new SettingsForm().usualMenu().day(SATURDAY, bad));
            assertEquals("settings.error.time", problems.get("hours.SATURDAY").key(), bad);
        }
        assertTrue(check(new SettingsForm().usualMenu().day(SATURDAY, "00:00-24:00")).problems().isEmpty());
    }

    @Test
    void aWeekWithoutOpeningHoursIsRefused() {
        SettingsForm form = new SettingsForm().usualMenu();
        for (DayOfWeek day : DayOfWeek.values()) {
            form.day(day, "");
        }
        assertEquals(Map.of("hours", Problem.of("settings.error.neverOpen")), problems(form));
    }

    @Test
    void holidaysNeedRealDatesInOrderWithoutOverlapping() {
        Map<String, Problem> problems = problems(new SettingsForm().usualMenu()
                .holiday("2026-10-01", "2026-10-07", "国庆节", "")
                .holiday("2026-10-07", "", "重叠", "")
                .holiday("2026-02-30", "", "no such day", "")
                .holiday("2026-05-05", "2026-05-01", "backwards", "")
                .holiday("", "", "name only", "")
                .holiday("2026-06-19", "", "端午节", "16:00-10:00")
                .holiday("2026-09-25", "", "x".repeat(41), ""));
        assertEquals(new Problem("settings.error.holidayOverlap", "2026-10-01..2026-10-07"),
                problems.get("holiday.1.first"));
        assertEquals(new Problem("settings.error.date", "2026-02-30"), problems.get("holiday.2.first"));
        assertEquals(Problem.of("settings.error.dateOrder"), problems.get("holiday.3.last"));
        assertEquals(Problem.of("error.required"), problems.get("holiday.4.first"));
        assertEquals("settings.error.backwards", problems.get("holiday.5.hours").key());
        assertEquals(Problem.of("error.tooLong"), problems.get("holiday.6.name"));
        assertEquals(6, problems.size(), problems.toString());
    }

    @Test
    void menuKeysAreSingleDigitsUsedOnceEachForAKnownCategoryOnce() {
        Map<String, Problem> problems = problems(new SettingsForm().usualMenu()
                .menu('1', "HARDSHIP_ASSISTANCE").menu("5", "LEGAL_ADVICE").menu("12", "PSYCHOLOGICAL_SUPPORT")
                .menu("7", "WEATHER").menu("#", ""));
        assertEquals(new Problem("settings.error.duplicateDigit", "1"), problems.get("menu.4.digit"));
        assertEquals(Problem.of("settings.error.duplicateCategory"), problems.get("menu.5.category"));
        assertEquals(Problem.of("settings.error.digit"), problems.get("menu.6.digit"));
        assertEquals(Problem.of("error.invalid"), problems.get("menu.7.category"));
        assertEquals(Problem.of("settings.error.digit"), problems.get("menu.8.digit"));
        assertEquals(Problem.of("error.required"), problems.get("menu.8.category"));
    }

    @Test
    void theHelpNowKeyCannotBeRemoved() {
        Map<String, Problem> problems = problems(new SettingsForm().menu('1', "PSYCHOLOGICAL_SUPPORT")
                .menu('2', "LEGAL_ADVICE"));
        assertEquals(Map.of("menu", Problem.of("settings.error.noHelpNow")), problems);
    }

    @Test
    void aDialectWithoutItsPromptIsRefusedNamingTheMissingFile() {
        Map<String, Problem> problems = problems(new SettingsForm().usualMenu().dialect("1", "mandarin")
                .dialect("2", "hakka").dialect("2", "henan").dialect("3", "Min Nan").dialect("4", "mandarin"));
        assertEquals(new Problem("settings.error.missingPrompt", "hotline/dialect-hakka"), problems.get("dialect.1.name"));
        assertEquals(new Problem("settings.error.duplicateDigit", "2"), problems.get("dialect.2.digit"));
        assertEquals(Problem.of("settings.error.dialect"), problems.get("dialect.3.name"));
        assertEquals(Problem.of("settings.error.duplicateDialect"), problems.get("dialect.4.name"));
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void aPromptTableThatCannotBeReadRefusesTheSaveAndSaysWhere() {
        SettingsValidator.Result result = SettingsValidator.validate(new SettingsForm().usualMenu().draft(),
                new PromptCatalog(Path.of("no/such/prompts.tsv")), SHANGHAI);
        assertTrue(result.settings().isEmpty());
        assertEquals(Map.of("menu", new Problem("settings.error.noPromptTable", "no/such/prompts.tsv")),
                result.problems());
    }

    @Test
    void theMenuPlaysOnlyPromptsThatExistForEveryKey() {
        // any key may be moved: every "press" prompt is in the table, as are the four categories'
        SettingsForm form = new SettingsForm().dialect("9", "cantonese");
        for (Category c : Category.values()) {
            form.menu(String.valueOf((char) ('5' + c.ordinal())), c.name());
        }
        LineSettings s = check(form).settings().orElseThrow();
        assertTrue(PROMPTS.names().orElseThrow().containsAll(s.prompts()), s.prompts().toString());
        for (char digit = '0'; digit <= '9'; digit++) {
            assertTrue(PROMPTS.names().orElseThrow().contains(KeyOption.pressPrompt(digit)));
        }
    }
}
