package org.carehotline.settings;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carehotline.config.HotlineConfig;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.routing.hours.OutOfHoursAction;
import org.carehotline.settings.SettingsService.SaveResult;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.SettingsForm;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings store on the embedded database: the keys as seed, versions, history, conflicts, refresh. */
class SettingsServiceTest {

    @TempDir
    Path dataDir;
    private MongoStore store;
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private final CallConfig calls = HotlineConfig.load(Map.of(), List.of(
            "--hours.weekly=daily 08:00-20:00; fri 20:00-02:00",
            "--hours.holidays=2026-10-01..2026-10-03, 2026-10-04=10:00-16:00, 2026-10-05, 2026-12-31",
            "--hours.closed-action=callback", "--routing.dialect-menu=mandarin,henan")).calls();

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SettingsService service() {
        SettingsService service = new SettingsService(new SettingsRepository(store),
                new PromptCatalog(Path.of("dialplan/prompts/prompts.tsv")), calls, clock);
        service.refresh();
        return service;
    }

    @Test
    void whileNothingIsSavedTheConfigurationKeysApply() {
        SettingsService.Active active = service().active();
        assertEquals(0, active.version().version());
        assertEquals(SettingsVersion.FROM_CONFIGURATION, active.version().updatedBy());
        LineSettings s = active.settings();
        assertEquals(List.of(new DayRange(480, 1200), new DayRange(1200, 1440)), s.weekly().get(FRIDAY),
                "an overnight range of the key becomes the evening ...");
        assertEquals(List.of(new DayRange(0, 120), new DayRange(480, 1200)), s.weekly().get(SATURDAY),
                "... and the next morning");
        assertEquals(List.of(
                new Holiday(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-03"), "", List.of()),
                new Holiday(LocalDate.parse("2026-10-04"), LocalDate.parse("2026-10-04"), "",
                        List.of(new DayRange(600, 960))),
                new Holiday(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-05"), "", List.of()),
                new Holiday(LocalDate.parse("2026-12-31"), LocalDate.parse("2026-12-31"), "", List.of())),
                s.holidays(), "consecutive closed days become one row");
        assertEquals(OutOfHoursAction.CALLBACK, s.closedAction());
        assertEquals(List.of(new DialectOption('1', "mandarin"), new DialectOption('2', "henan")), s.dialects());
        assertEquals("0123", s.menuDigits());
        assertTrue(active.hours().isOpen(Instant.parse("2026-11-27T17:30:00Z")), "Saturday 01:30 Shanghai, as the key says");
        assertEquals(List.of(), service().missingPrompts());
    }

    @Test
    void aSaveIsANewVersionInForceAtOnceWithItsHistory() {
        SettingsService service = service();
        clock.advance(Duration.ofMinutes(5));
        SaveResult result = service.save(new SettingsForm().usualMenu().day(MONDAY, "09:00-17:00").closed("oncall")
                .holiday("2026-10-01", "2026-10-07", "国庆节", "").draft(), "admin");

        SettingsVersion saved = assertInstanceOf(SaveResult.Saved.class, result).version();
        assertEquals(1, saved.version());
        assertEquals(saved, service.active().version());
        assertEquals(OutOfHoursAction.ONCALL, service.active().settings().closedAction());
        assertTrue(saved.changes().contains("mon 08:00-20:00 → 09:00-17:00"), saved.changes());
        assertTrue(saved.changes().contains("closed action: callback → oncall"), saved.changes());
        assertTrue(saved.changes().contains("dialects: 1 mandarin, 2 henan → none"), saved.changes());
        assertFalse(service.active().hours().isOpen(Instant.parse("2026-11-23T00:30:00Z")), "Monday 08:30: not yet");

        SettingsVersion stored = new SettingsRepository(store).newest().orElseThrow();
        assertEquals(saved, stored, "what is read back is what was saved, to the last field");
        assertEquals(clock.instant(), stored.updatedAt());

        SaveResult second = service.save(new SettingsForm().version(1).usualMenu().closed("callback").draft(), "li");
        assertInstanceOf(SaveResult.Saved.class, second);
        assertEquals(List.of(2, 1), service.history(10).stream().map(SettingsVersion::version).toList());
        assertEquals("li", service.history(10).get(0).updatedBy());
    }

    @Test
    void aRefusedFormStoresNothing() {
        SettingsService service = service();
        SaveResult result = service.save(new SettingsForm().usualMenu().day(MONDAY, "20:00-08:00")
                .closed("callback").draft(), "admin");
        assertEquals(Map.of("hours.MONDAY", new Problem("settings.error.backwards", "20:00-08:00")),
                assertInstanceOf(SaveResult.Invalid.class, result).problems());
        assertTrue(new SettingsRepository(store).newest().isEmpty());
        assertEquals(0, service.active().version().version());
    }

    @Test
    void aFormLoadedBeforeSomeoneElseSavedIsRefusedNotMerged() {
        SettingsService here = service();
        SettingsService otherServer = service();
        assertInstanceOf(SaveResult.Saved.class, otherServer.save(new SettingsForm().usualMenu().draft(), "wang"));

        // this server's form was loaded from version 0; saving it would silently undo wang's change
        SaveResult late = here.save(new SettingsForm().usualMenu().closed("callback").draft(), "admin");
        SettingsVersion current = assertInstanceOf(SaveResult.Conflict.class, late).current();
        assertEquals(1, current.version());
        assertEquals("wang", current.updatedBy());
        assertEquals(1, here.history(10).size(), "nothing more stored");
        assertEquals(1, here.active().version().version(), "and this server now knows version 1");
    }

    @Test
    void anotherServerPicksUpASaveOnRefresh() {
        SettingsService here = service();
        SettingsService there = service();
        here.save(new SettingsForm().usualMenu().closed("oncall").draft(), "admin");
        assertEquals(0, there.active().version().version(), "until it refreshes");
        there.refresh();
        assertEquals(1, there.active().version().version());
        assertEquals(OutOfHoursAction.ONCALL, there.active().settings().closedAction());
    }

    @Test
    void twoSavesOnTheSameVersionAtOnceStoreOne() {
        SettingsRepository repository = new SettingsRepository(store);
        LineSettings settings = service().active().settings();
        SettingsVersion a = new SettingsVersion(1, settings, "a", clock.instant(), "a");
        SettingsVersion b = new SettingsVersion(1, settings, "b", clock.instant(), "b");
        assertTrue(repository.insert(a));
        assertFalse(repository.insert(b), "the version number is the document id: the second insert is refused");
        assertEquals("a", repository.newest().orElseThrow().updatedBy());
    }
}
