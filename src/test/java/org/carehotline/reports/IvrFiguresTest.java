package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.IvrJourneyRecord;
import org.carehotline.config.BundledFiles;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IVR part of the service report, from journeys written the way the inbound script writes
 * them (CallRecorder.recordIvr), against percentiles computed from the raw times.
 */
class IvrFiguresTest {

    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
            ReportPeriod.Bucket.DAY, ServiceFiguresTest.SHANGHAI);
    private static final Instant PERIOD_START = Instant.parse("2026-11-20T16:00:00Z"); // midnight in Shanghai
    private static final Instant PERIOD_END = Instant.parse("2026-11-22T16:00:00Z");
    private static final Instant IN_PERIOD = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path dataDir;
    private MongoStore store;
    private CallRecorder recorder;
    private final Map<String, List<Long>> ringingTenths = new HashMap<>();
    private final Map<String, List<Long>> humanTenths = new HashMap<>();

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        recorder = new CallRecorder(new CallerRepository(store), new CaseRepository(store, ServiceFiguresTest.SHANGHAI),
                new ContactRepository(store), new FollowUpRepository(store), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A stored inbound call with its journey; the times of those in the period are kept to compare. */
    private void call(Instant startedAt, String path, String step, Long toRingingMs, Long toHumanMs, boolean abandoned) {
        ObjectId id = new ObjectId();
        store.database().getCollection(CollectionNames.CONTACTS).insertOne(new Document("_id", id)
                .append("kind", "inbound_call").append("startedAt", Date.from(startedAt))
                .append("offers", List.of()).append("log", new ArrayList<>()));
        Instant answered = startedAt.plusMillis(300);
        recorder.recordIvr(id.toHexString(), new IvrJourneyRecord(path, step, answered,
                Optional.ofNullable(toRingingMs).map(answered::plusMillis),
                Optional.ofNullable(toHumanMs).map(answered::plusMillis), abandoned, Optional.empty()));
        if (!startedAt.isBefore(PERIOD_START) && startedAt.isBefore(PERIOD_END)) {
            if (toRingingMs != null) {
                ringingTenths.computeIfAbsent(path, p -> new ArrayList<>()).add(toRingingMs / 100);
            }
            if (toHumanMs != null) {
                humanTenths.computeIfAbsent(path, p -> new ArrayList<>()).add(toHumanMs / 100);
            }
        }
    }

    private static Double nearestRank(List<Long> tenths, double quantile) {
        if (tenths == null || tenths.isEmpty()) {
            return null;
        }
        List<Long> sorted = tenths.stream().sorted().toList();
        return sorted.get((int) Math.max(0, Math.ceil(quantile * sorted.size()) - 1)) / 10.0;
    }

    private Report report() {
        return new Reports(store, new ReportSettings(5, 20), Clock.systemUTC()).report(PERIOD);
    }

    @Test
    void eachPathsPercentilesMatchThoseOfTheRawTimes() {
        Random random = new Random(16);
        List<String> paths = IvrFigures.PATHS;
        for (int i = 0; i < 300; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            long ringing = 500 + random.nextInt(path.startsWith("key0") ? 3000 : 20000);
            Long human = random.nextInt(5) == 0 ? null : ringing + 1000 + random.nextInt(15000);
            call(IN_PERIOD.plusSeconds(i * 97L), path, "dial", ringing, human, false);
        }
        // outside the period (the day before, in Shanghai): counted nowhere
        call(Instant.parse("2026-11-20T15:59:00Z"), "new", "dial", 99_000L, 99_000L, false);

        IvrFigures.Result ivr = report().ivr();
        assertEquals(paths, ivr.rows().stream().map(IvrRow::path).toList(), "every path, in the page's order");
        for (IvrRow row : ivr.rows()) {
            List<Long> ringing = ringingTenths.get(row.path());
            assertEquals(ringing.size(), row.calls());
            assertEquals(ringing.size(), row.rang());
            assertEquals(nearestRank(ringing, 0.5), row.toRingingP50(), row.path());
            assertEquals(nearestRank(ringing, 0.9), row.toRingingP90(), row.path());
            assertEquals(humanTenths.get(row.path()).size(), row.humans());
            assertEquals(nearestRank(humanTenths.get(row.path()), 0.5), row.toHumanP50(), row.path());
            assertEquals(nearestRank(humanTenths.get(row.path()), 0.9), row.toHumanP90(), row.path());
        }
    }

    @Test
    void callersWhoLeftInTheIvrAreCountedByStepAndHaveNoTimes() {
        call(IN_PERIOD, "new", "dialect", null, null, true);
        call(IN_PERIOD.plusSeconds(60), "new", "dialect", null, null, true);
        call(IN_PERIOD.plusSeconds(120), "no-key", "menu", null, null, true);
        call(IN_PERIOD.plusSeconds(180), "new", "dial", 4_200L, 9_000L, false);

        IvrFigures.Result ivr = report().ivr();
        assertEquals(Map.of("dialect", 2L, "menu", 1L), ivr.abandonedBySteps());
        IvrRow fresh = ivr.rows().stream().filter(r -> r.path().equals("new")).findFirst().orElseThrow();
        assertEquals(3, fresh.calls());
        assertEquals(1, fresh.rang());
        assertEquals(4.2, fresh.toRingingP50());
        IvrRow noKey = ivr.rows().stream().filter(r -> r.path().equals("no-key")).findFirst().orElseThrow();
        assertNull(noKey.toRingingP50(), "no call of the path rang");

        ReportTexts texts = new ReportTexts(BundledFiles.templates(Optional.empty()));
        byte[] bytes = ReportCsv.table(report(), "ivr", key -> texts.text("zh", key)).bytes();
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "路径,来电,已振铃,到振铃 p50（秒）,到振铃 p90（秒）,人工接听,到人工 p50（秒）,到人工 p90（秒）",
                "新来电者,3,1,4.2,4.2,1,9.0,9.0",
                "未按键,1,0,,,0,,",
                "导航中挂断: 方言菜单,2,,,,,,",
                "导航中挂断: 主菜单,1,,,,,,"), lines);
    }
}
