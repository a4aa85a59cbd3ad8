package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.bson.Document;
import org.carehotline.config.BundledFiles;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Occupancy, pauses and wrap-up from a known presence log on the embedded store, against
 * figures computed by hand. Shanghai time (UTC+8); the report runs at 23 Nov 08:00 local.
 */
class PresenceFiguresTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    private MongoStore store;

    @BeforeEach
    void load() {
        store = TestStores.open(dataDir);
        store.database().getCollection(CollectionNames.PRESENCE_LOG).insertMany(List.of(
                // c1 on the 21st: an hour available, a call rung 10 s, talked 10 min, 30 s wrap-up
                interval("c1", "AVAILABLE", "", "2026-11-21T00:00:00Z", "2026-11-21T01:00:00Z", null),
                interval("c1", "RINGING", "", "2026-11-21T01:00:00Z", "2026-11-21T01:00:10Z", null),
                interval("c1", "ON_CALL", "", "2026-11-21T01:00:10Z", "2026-11-21T01:10:10Z", null),
                interval("c1", "WRAP_UP", "", "2026-11-21T01:10:10Z", "2026-11-21T01:10:40Z", "2026-11-21T01:10:40Z"),
                // a break across midnight, 23:30 to 00:30, then half an hour available
                interval("c1", "PAUSED", "break", "2026-11-21T15:30:00Z", "2026-11-21T16:30:00Z", null),
                interval("c1", "AVAILABLE", "", "2026-11-21T16:30:00Z", "2026-11-21T17:00:00Z", null),
                // after the period: not counted
                interval("c1", "AVAILABLE", "", "2026-11-23T01:00:00Z", "2026-11-23T02:00:00Z", null),
                // c2: training from 23:00 the day before the period to 01:00 (one hour inside), and a call
                // at the very end whose wrap-up runs past the period's end (10 s inside)
                interval("c2", "PAUSED", "training", "2026-11-20T15:00:00Z", "2026-11-20T17:00:00Z", null),
                interval("c2", "ON_CALL", "", "2026-11-22T15:40:00Z", "2026-11-22T15:59:50Z", null),
                interval("c2", "WRAP_UP", "", "2026-11-22T15:59:50Z", "2026-11-22T16:00:20Z", "2026-11-22T16:00:20Z"),
                // c3: available since 20:00 on the 22nd and still is: counts to the period's end
                interval("c3", "AVAILABLE", "", "2026-11-22T12:00:00Z", null, null),
                // c4: a wrap-up left open by a crash counts to its own end, not to now
                interval("c4", "WRAP_UP", "", "2026-11-22T12:00:00Z", null, "2026-11-22T12:00:30Z")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Document interval(String counselor, String state, String reason, String from, String to,
                                     String endsAt) {
        Document d = new Document("counselorId", counselor).append("state", state).append("reason", reason)
                .append("from", date(from)).append("to", to == null ? null : date(to)).append("server", "s1")
                .append("seenAt", date(from));
        return endsAt == null ? d : d.append("endsAt", date(endsAt));
    }

    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private static ReportPeriod days(String from, String to, ReportPeriod.Bucket bucket) {
        return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to), bucket, ServiceFiguresTest.SHANGHAI);
    }

    private Map<String, PresenceTotals> totals(ReportPeriod period) {
        return new PresenceFigures(store, NOW).compute(period).byCounselor();
    }

    @Test
    void eachCounselorsTimeIsClippedToThePeriodAndOccupancyIsTalkPlusWrapUpOverSignedIn() {
        Map<String, PresenceTotals> totals = totals(days("2026-11-21", "2026-11-22", ReportPeriod.Bucket.DAY));

        // c1: available 3600 + 1800, ringing 10, on a call 600, wrap-up 30, break 3600 (across midnight, all inside)
        assertEquals(new PresenceTotals(9640, 5400, 10, 600, 30, Map.of("break", 3600L)), totals.get("c1"));
        assertEquals(6.5, totals.get("c1").occupancy(), "(600 + 30) / 9640");
        // c2: training clipped at the period's start (1 of 2 h), wrap-up clipped at its end (10 of 30 s)
        assertEquals(new PresenceTotals(4800, 0, 0, 1190, 10, Map.of("training", 3600L)), totals.get("c2"));
        assertEquals(25.0, totals.get("c2").occupancy(), "(1190 + 10) / 4800");
        assertEquals(new PresenceTotals(14400, 14400, 0, 0, 0, Map.of()), totals.get("c3"), "20:00 to midnight");
        assertEquals(0.0, totals.get("c3").occupancy());
        assertEquals(new PresenceTotals(30, 0, 0, 0, 30, Map.of()), totals.get("c4"));
        assertEquals(4, totals.size());
    }

    @Test
    void aPauseAcrossMidnightCountsOnEachDayOnlyItsOwnHalf() {
        assertEquals(Map.of("break", 1800L), totals(days("2026-11-21", "2026-11-21", ReportPeriod.Bucket.DAY))
                .get("c1").pausedByReason(), "23:30 to midnight");
        PresenceTotals c1On22 = totals(days("2026-11-22", "2026-11-22", ReportPeriod.Bucket.DAY)).get("c1");
        assertEquals(new PresenceTotals(3600, 1800, 0, 0, 0, Map.of("break", 1800L)), c1On22, "midnight to 00:30");
        assertEquals(0.0, c1On22.occupancy());
    }

    @Test
    void averageWrapUpIsPerWrapUpStartedInTheBucket() {
        Report report = new Reports(store, new ReportSettings(5, 20), NOW)
                .report(days("2026-11-21", "2026-11-22", ReportPeriod.Bucket.DAY));
        assertEquals(List.of(1L, 2L), report.service().stream().map(ServiceRow::wrapUps).toList());
        assertEquals(30.0, report.service().get(0).averageWrapUpSeconds());
        assertEquals(20.0, report.service().get(1).averageWrapUpSeconds(), "(10 clipped + 30) / 2");
        assertEquals(23.3, report.total().averageWrapUpSeconds(), "70 / 3");
        assertEquals(new Reports(store, new ReportSettings(5, 20), NOW)
                .service(days("2026-11-21", "2026-11-22", ReportPeriod.Bucket.DAY)), report.service(),
                "the main report alone says the same");

        List<ServiceRow> hours = new Reports(store, new ReportSettings(5, 20), NOW)
                .service(days("2026-11-22", "2026-11-22", ReportPeriod.Bucket.HOUR));
        assertEquals(1, hours.get(23).wrapUps(), "c2's wrap-up started at 23:59:50");
        assertEquals(1, hours.get(20).wrapUps(), "c4's at 20:00");
        assertNull(hours.get(0).averageWrapUpSeconds());
    }

    @Test
    void theCounselorTableAndItsCsvShowTheFigures() {
        Report report = new Reports(store, new ReportSettings(5, 20), NOW)
                .report(days("2026-11-21", "2026-11-22", ReportPeriod.Bucket.DAY));
        assertEquals(List.of("c1", "c2", "c3", "c4"), report.counselors().stream().map(CounselorRow::name).toList(),
                "signed in without any call still makes a row");

        ReportTexts texts = new ReportTexts(BundledFiles.templates(Optional.empty()));
        @SuppressWarnings("unchecked")
        Map<String, String> c1 = ((List<Map<String, String>>) ReportModel.of(report, "en", texts.forLanguage("en"))
                .get("counselors")).get(0);
        assertEquals("2:40:40", c1.get("signedIn"));
        assertEquals("0:10:00", c1.get("onCall"));
        assertEquals("Break 1:00:00", c1.get("pausedByReason"));
        assertEquals("6.5", c1.get("occupancy"));

        List<String> csv = new String(ReportCsv.table(report, "counselors", key -> texts.text("en", key)).bytes(),
                StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("Counselor,Offers,Misses,Calls,Talk (s),Avg talk (s),Signed in (s),Available (s),On a call (s),"
                + "Wrap-up (s),Paused (s),Paused · Break (s),Paused · Training (s),Occupancy (%)", csv.get(0));
        assertEquals("c1,0,0,0,0,,9640,5400,600,30,3600,3600,0,6.5", csv.get(1));
        assertEquals("c2,0,0,0,0,,4800,0,1190,10,3600,0,3600,25.0", csv.get(2));
    }
}
