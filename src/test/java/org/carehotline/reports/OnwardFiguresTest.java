package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carehotline.config.BundledFiles;
import org.carehotline.onward.NewOnwardReferral;
import org.carehotline.onward.OnwardAction;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.onward.OnwardStatus;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onward referrals by kind and status from a known set, against values counted by hand: the
 * period's edges in the hotline's zone, referrals moved through several statuses, one recorded
 * before the period and completed inside it (counted by when it was recorded: not in).
 */
class OnwardFiguresTest {

    /** 21 and 22 November in Shanghai: 2026-11-20T16:00Z up to 2026-11-22T16:00Z. */
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 11, 21),
            LocalDate.of(2026, 11, 22), ReportPeriod.Bucket.DAY, ServiceFiguresTest.SHANGHAI);

    @TempDir
    Path dataDir;
    private MongoStore store;
    private OnwardReferralRepository referrals;

    @BeforeEach
    void load() {
        store = TestStores.open(dataDir);
        referrals = new OnwardReferralRepository(store);
        // in: 00:00 on the 21st, moved all the way to completed
        refer(OnwardKind.LEGAL_AID, OnwardStatus.SUGGESTED, "2026-11-20T16:00:00Z", OnwardAction.MAKE,
                OnwardAction.ACCEPT, OnwardAction.COMPLETE);
        refer(OnwardKind.LEGAL_AID, OnwardStatus.MADE, "2026-11-21T03:00:00Z", OnwardAction.ACCEPT);
        // in: 23:59:59 on the 22nd, still suggested
        refer(OnwardKind.LEGAL_AID, OnwardStatus.SUGGESTED, "2026-11-22T15:59:59Z");
        refer(OnwardKind.MEDICAL, OnwardStatus.MADE, "2026-11-21T05:00:00Z", OnwardAction.DECLINE);
        refer(OnwardKind.OTHER, OnwardStatus.SUGGESTED, "2026-11-21T06:00:00Z", OnwardAction.WITHDRAW);
        // out: 00:00 on the 23rd; 23:59:59 on the 20th; recorded on the 19th and completed inside the period
        refer(OnwardKind.MEDICAL, OnwardStatus.MADE, "2026-11-22T16:00:00Z");
        refer(OnwardKind.FAMILY_SUPPORT, OnwardStatus.MADE, "2026-11-20T15:59:59Z");
        refer(OnwardKind.EMPLOYMENT, OnwardStatus.MADE, "2026-11-19T02:00:00Z", OnwardAction.ACCEPT,
                OnwardAction.COMPLETE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Records a referral at {@code at} and applies the actions a day (and a minute) apart. */
    private void refer(OnwardKind kind, OnwardStatus start, String at, OnwardAction... actions) {
        Instant when = Instant.parse(at);
        String id = referrals.refer(new NewOnwardReferral("case-1", kind, kind == OnwardKind.OTHER ? "子女入学" : "",
                "某机构", "", start, "u1", "王芳", when));
        for (OnwardAction action : actions) {
            when = when.plusSeconds(86_400 + 60);
            assertEquals(OnwardReferralRepository.Outcome.MOVED, referrals.apply("case-1", id, action, "u1", "王芳",
                    "", when));
        }
    }

    private static OnwardRow row(String kind, long... counts) {
        return new OnwardRow(kind, java.util.Arrays.stream(counts).boxed().toList());
    }

    @Test
    void byKindAndStatusCountedByHand() {
        // columns: suggested, made, accepted, declined, completed, no longer needed
        List<OnwardRow> expected = List.of(row("LEGAL_AID", 1, 0, 1, 0, 1, 0), row("MEDICAL", 0, 0, 0, 1, 0, 0),
                row("OTHER", 0, 0, 0, 0, 0, 1));
        List<OnwardRow> rows = new OnwardFigures(store).byKindAndStatus(PERIOD);
        assertEquals(expected, rows);
        assertEquals(3, rows.get(0).total());
        assertEquals(row("", 1, 0, 1, 1, 1, 1), OnwardFigures.total(rows));
        assertEquals(5, OnwardFigures.total(rows).total());
        assertEquals(expected, new Reports(store, new ReportSettings(5, 20), Clock.systemUTC()).report(PERIOD)
                .onwardReferrals(), "the page's report holds the same table");
    }

    @Test
    void aPeriodWithoutReferralsHasAnEmptyTableAndZeroTotals() {
        ReportPeriod december = new ReportPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7),
                ReportPeriod.Bucket.DAY, ServiceFiguresTest.SHANGHAI);
        List<OnwardRow> rows = new OnwardFigures(store).byKindAndStatus(december);
        assertEquals(List.of(), rows);
        assertEquals(0, OnwardFigures.total(rows).total());
    }

    @Test
    void theCsvHasAColumnPerStatusAndTheTotalsLast() {
        Report report = new Reports(store, new ReportSettings(5, 20), Clock.systemUTC()).report(PERIOD);
        ReportTexts texts = new ReportTexts(BundledFiles.templates(Optional.empty()));
        byte[] bytes = ReportCsv.table(report, "referrals", key -> texts.text("zh", key)).bytes();
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("转介种类,已建议,已转介,已接收,被拒绝,已完成,不再需要,合计", "法律援助,1,0,1,0,1,0,3",
                "医疗,0,0,0,1,0,0,1", "其他,0,0,0,0,0,1,1", "合计,1,0,1,1,1,1,5"), lines);
        byte[] english = ReportCsv.table(report, "referrals", key -> texts.text("en", key)).bytes();
        assertEquals("Kind of referral,Suggested,Made,Accepted,Declined,Completed,No longer needed,Total",
                new String(english, 3, english.length - 3, StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }
}
