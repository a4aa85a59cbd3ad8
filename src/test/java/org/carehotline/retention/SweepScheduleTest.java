package org.carehotline.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a sweep runs: the daily one once per local day at or after its hour, whichever of several
 * servers gets there first; never two at once (a held lock refuses "run now" until its lease
 * lapses); nothing at all while retention is off, except the dry run.
 */
class SweepScheduleTest {

    @RegisterExtension
    final RetentionRecords records = new RetentionRecords();
    /** 02:30 in Shanghai on 5 December: before the sweep's hour (3). */
    private final MutableClock clock = MutableClock.at("2026-12-04T18:30:00Z");

    private RetentionSweep server(RetentionPolicy policy) {
        return records.sweep(policy, clock);
    }

    @Test
    void theDailySweepRunsOncePerLocalDayOnOneOfTheServers() {
        RetentionSweep first = server(Policies.anonymising());
        RetentionSweep second = server(Policies.anonymising());

        assertTrue(first.runDailyIfDue().isEmpty(), "02:30: before the hour");
        clock.advance(Duration.ofMinutes(40));
        assertTrue(first.runDailyIfDue().isPresent(), "03:10: the day's sweep");
        assertTrue(second.runDailyIfDue().isEmpty(), "the other server finds the day swept");
        assertTrue(first.runDailyIfDue().isEmpty(), "and so does the first, five minutes later");
        clock.advance(Duration.ofHours(24));
        assertTrue(second.runDailyIfDue().isPresent(), "the next day, whoever checks first");
        assertEquals(2, records.sweepsAudited());
        RetentionSweep.LastRun last = first.lastRun().orElseThrow();
        assertEquals("daily", last.trigger());
        assertEquals("system", last.login());
        assertEquals(0L, last.counts().get("cases"));
    }

    @Test
    void aSweepInProgressRefusesAnotherUntilItsLeaseLapses() {
        clock.set(Instant.parse("2026-12-04T19:30:00Z"));
        RetentionSweep sweep = server(Policies.anonymising());
        Optional<SweepLock.Claim> held = new SweepLock(records.store(), RetentionSweep.LEASE).claim(clock.instant(),
                Optional.empty());
        assertTrue(held.isPresent());

        assertTrue(sweep.runNow("a1", "admin", "127.0.0.1").isEmpty(), "held by another sweep");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(sweep.runDailyIfDue().isEmpty(), "03:40, the sweep's hour: the daily one waits as well");
        assertTrue(held.get().renew(clock.instant()), "the holder renews after each batch");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(sweep.runNow("a1", "admin", "127.0.0.1").isEmpty(), "renewed: still held");

        clock.advance(RetentionSweep.LEASE.plusSeconds(1));
        assertTrue(sweep.runNow("a1", "admin", "127.0.0.1").isPresent(), "a lapsed lease: its server died");
        assertTrue(!held.get().renew(clock.instant()), "the old holder has lost it and stops");
        assertEquals(1, records.sweepsAudited());
    }

    @Test
    void whileRetentionIsOffNothingIsSweptButTheDryRunShowsWhatWouldGo() {
        String callerId = records.caller("13800000008", "周师傅");
        records.closedCase(callerId, "13800000008", Instant.parse("2020-01-05T02:00:00Z"),
                Instant.parse("2020-01-10T02:00:00Z"));
        RetentionSweep off = server(Policies.of(false, RetentionAction.DELETE, RetentionAction.DELETE,
                RetentionAction.DELETE));
        clock.advance(Duration.ofHours(2));

        assertTrue(off.runDailyIfDue().isEmpty());
        assertTrue(off.runNow("a1", "admin", "127.0.0.1").isEmpty());
        assertEquals(1, off.dryRun().cases().cases());
        assertEquals(1, records.collection("cases").countDocuments(), "still there");
        assertEquals(0, records.sweepsAudited());
        assertTrue(off.lastRun().isEmpty());
    }
}
