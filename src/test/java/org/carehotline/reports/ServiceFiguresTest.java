package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service figures from a known set of calls on the embedded store, checked against values
 * computed by hand. Zone Asia/Shanghai (UTC+8), short abandon under 5 s, service level 20 s.
 */
class ServiceFiguresTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dataDir;
    private MongoStore store;

    @BeforeEach
    void load() {
        store = TestStores.open(dataDir);
        store.database().getCollection(CollectionNames.CONTACTS).insertMany(knownCalls());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Seven calls in the period (21 and 22 Nov, Shanghai time), three outside it or not inbound. */
    static List<org.bson.Document> knownCalls() {
        return Calls.all(
                // 21st 09:00: answered after 10 s, 5 min talk
                Calls.startedAt("2026-11-21T01:00:00Z").offer("c1", "ANSWER").answered("c1", 10, 300),
                // 21st 23:58: transferred (c1 missed, c2 answered), talk crosses midnight: counts on the 21st
                Calls.startedAt("2026-11-21T15:58:00Z").offer("c1", "NOANSWER").offer("c2", "ANSWER")
                        .answered("c2", 30, 900),
                // 22nd 00:05: short abandon (3 s)
                Calls.startedAt("2026-11-21T16:05:00Z").ended("ABANDONED", 3),
                // 22nd 10:00: real abandon (40 s)
                Calls.startedAt("2026-11-22T02:00:00Z").ended("ABANDONED", 40),
                // 22nd 11:00: c1 busy, the caller asked for a call-back
                Calls.startedAt("2026-11-22T03:00:00Z").offer("c1", "BUSY").ended("CALLBACK_REQUESTED", 60),
                // 22nd 12:00: fallback ring group (overflow)
                Calls.startedAt("2026-11-22T04:00:00Z").ended("FALLBACK", 90),
                // 22nd 13:00: answered by the on-call number (overflow too)
                Calls.startedAt("2026-11-22T05:00:00Z").answered("oncall", 100, 200),
                // outside: 20th 23:59 and 23rd 00:00 local; and a follow-up call, not inbound
                Calls.startedAt("2026-11-20T15:59:00Z").answered("c1", 1, 1),
                Calls.startedAt("2026-11-22T16:00:00Z").answered("c1", 1, 1),
                Calls.startedAt("2026-11-22T06:00:00Z").set("kind", "followup_call").answered("c1", 1, 1));
    }

    private List<ServiceRow> rows(ReportPeriod.Bucket bucket) {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22), bucket, SHANGHAI);
        return new ServiceFigures(store, new ReportSettings(5, 20)).byBucket(period);
    }

    @Test
    void dailyFiguresMatchTheHandComputedValues() {
        List<ServiceRow> days = rows(ReportPeriod.Bucket.DAY);
        assertEquals(List.of("2026-11-21", "2026-11-22"), days.stream().map(ServiceRow::label).toList());
        ServiceRow d21 = days.get(0);
        assertEquals(new ServiceRow("2026-11-21", 2, 2, 0, 0, 0, 0, 0, 1, 40, 1200), d21);
        assertEquals(100.0, d21.answerRate());
        assertEquals(50.0, d21.serviceLevel());
        assertEquals(20.0, d21.averageSpeedOfAnswer());
        assertEquals(600.0, d21.averageTalkSeconds());
        ServiceRow d22 = days.get(1);
        assertEquals(new ServiceRow("2026-11-22", 5, 1, 2, 1, 0, 1, 2, 0, 100, 200), d22);
        assertEquals(25.0, d22.answerRate(), "1 answered of 5 offered minus 1 short abandon");
        assertEquals(0.0, d22.serviceLevel());

        ServiceRow total = ServiceFigures.total(days);
        assertEquals(7, total.offered());
        assertEquals(50.0, total.answerRate(), "3 of 6");
        assertEquals(16.7, total.serviceLevel(), "1 of 6");
        assertEquals(46.7, total.averageSpeedOfAnswer(), "(10 + 30 + 100) / 3");
        assertEquals(466.7, total.averageTalkSeconds(), "(300 + 900 + 200) / 3");
    }

    @Test
    void hourlyBucketsPutTheMidnightCallOnTheHourItStarted() {
        List<ServiceRow> hours = rows(ReportPeriod.Bucket.HOUR);
        assertEquals(48, hours.size(), "every hour of the two days, quiet ones as zero");
        ServiceRow lastHour = hours.stream().filter(r -> r.label().equals("2026-11-21 23:00")).findFirst().orElseThrow();
        assertEquals(1, lastHour.answered());
        ServiceRow firstHour = hours.get(24);
        assertEquals("2026-11-22 00:00", firstHour.label());
        assertEquals(1, firstHour.shortAbandoned());
        assertNull(firstHour.answerRate(), "only a short abandon: nothing to rate");
    }

    @Test
    void weeksStartOnMonday() {
        List<ServiceRow> weeks = rows(ReportPeriod.Bucket.WEEK);
        assertEquals(1, weeks.size());
        assertEquals("2026-11-16", weeks.get(0).label());
        assertEquals(7, weeks.get(0).offered());
        assertEquals(3, weeks.get(0).answered());
    }

    @Test
    void counselorsCountEachOfferOfATransferredCall() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
                ReportPeriod.Bucket.DAY, SHANGHAI);
        List<CounselorRow> rows = new CounselorFigures(store, java.time.Clock.systemUTC()).rows(period);
        assertEquals(List.of(new CounselorRow("c1", "c1", 3, 2, 1, 300), new CounselorRow("c2", "c2", 1, 0, 1, 900),
                new CounselorRow("oncall", "oncall", 0, 0, 1, 200)), rows);
    }

    @Test
    void anOfferTheCallerEndedByHangingUpWhileItRangIsNotTheCounselorsMiss() {
        store.database().getCollection(CollectionNames.CONTACTS).insertMany(Calls.all(
                // 22nd 14:00: c2's phone rang, the caller hung up (Dial status CANCEL)
                Calls.startedAt("2026-11-22T06:30:00Z").offer("c2", "CANCEL").ended("ABANDONED", 30)));
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
                ReportPeriod.Bucket.DAY, SHANGHAI);
        CounselorRow c2 = new CounselorFigures(store, java.time.Clock.systemUTC()).rows(period).stream()
                .filter(r -> r.counselorId().equals("c2")).findFirst().orElseThrow();
        assertEquals(2, c2.offers());
        assertEquals(0, c2.misses());
    }

    @Test
    void theWholePageInOnePassGivesTheSameFiguresAsEachPartAlone() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
                ReportPeriod.Bucket.HOUR, SHANGHAI);
        Report report = new Reports(store, new ReportSettings(5, 20), java.time.Clock.systemUTC()).report(period);
        assertEquals(new ServiceFigures(store, new ReportSettings(5, 20)).byBucket(period), report.service());
        assertEquals(new CounselorFigures(store, java.time.Clock.systemUTC()).rows(period), report.counselors());
        assertEquals(new CareFigures(store).callsByCategory(period), report.callsByCategory());
        assertEquals(7, report.total().offered());
    }
}
