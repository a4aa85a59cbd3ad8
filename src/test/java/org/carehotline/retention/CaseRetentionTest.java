package org.carehotline.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CareCase;
import org.carehotline.reports.CareFigures;
import org.carehotline.reports.CounselorFigures;
import org.carehotline.reports.CoverageFigures;
import org.carehotline.reports.ReportPeriod;
import org.carehotline.reports.ReportSettings;
import org.carehotline.reports.ServiceFigures;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sweep of closed cases on the embedded store: what is past its period and closed goes,
 * anonymised with every report figure intact or deleted with everything on it; an open case, one
 * with a pending follow-up or survey, and one closed recently stay as they were.
 */
class CaseRetentionTest {

    private static final Instant OPENED = Instant.parse("2020-01-05T02:00:00Z");
    private static final Instant CLOSED = Instant.parse("2020-01-10T02:00:00Z");
    private static final ReportPeriod JANUARY_2020 = new ReportPeriod(LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 1, 31), ReportPeriod.Bucket.DAY, RetentionRecords.SHANGHAI);

    @RegisterExtension
    final RetentionRecords records = new RetentionRecords();
    private final MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");

    private RetentionSweep sweep(RetentionPolicy policy) {
        return records.sweep(policy, clock);
    }

    private SweepResult runNow(RetentionPolicy policy) {
        return sweep(policy).runNow("admin-id", "admin", "127.0.0.1").orElseThrow();
    }

    /** The figures of every report that reads cases and contacts, for one period. */
    private List<Object> reportFigures(ReportPeriod period) {
        CareFigures care = new CareFigures(records.store());
        return List.of(care.casesOpened(period), care.casesClosed(period), care.casesByCategory(period),
                care.callsByCategory(period), care.casesByCaller(period),
                new ServiceFigures(records.store(), new ReportSettings(5, 20)).byBucket(period),
                new CounselorFigures(records.store(), clock).rows(period));
    }

    @Test
    void anonymisingKeepsEveryReportFigureAndDropsWhatIdentifiesTheWorker() {
        String callerId = records.caller("13800000001", "李师傅");
        CareCase old = records.closedCase(callerId, "13800000001", OPENED, CLOSED);
        List<Object> before = reportFigures(JANUARY_2020);

        SweepResult result = runNow(Policies.anonymising());

        CaseCounts counts = result.cases();
        assertEquals(1, counts.cases());
        assertEquals(2, counts.contacts(), "the call and the home visit");
        assertEquals(1, counts.notes());
        assertEquals(1, counts.followUps());
        assertEquals(2, counts.attached(), "the emergency record and the onward referral");
        assertEquals(1, counts.callers(), "the caller had no other case");
        assertEquals(List.of(old.number()), counts.sampleNumbers());
        assertEquals(before, reportFigures(JANUARY_2020), "every report figure of the period is unchanged");

        Document caseDoc = records.caseDoc(old.id());
        assertFalse(caseDoc.containsKey("callerId"));
        assertEquals("", caseDoc.getString("presentingProblem"));
        assertEquals("", caseDoc.getString("outcome"));
        assertEquals("CLOSED", caseDoc.getString("status"));
        assertEquals(old.number(), caseDoc.getString("number"));
        assertEquals(new Document("occupation", "货车司机").append("region", "郑州").append("dialect", "henan"),
                caseDoc.get(CareFigures.CALLER_FIGURES, Document.class));
        Document call = records.collection(CollectionNames.CONTACTS)
                .find(new Document("caseId", old.id()).append("kind", "inbound_call")).first();
        assertEquals(600L, ((Number) call.get("talkSeconds")).longValue());
        assertEquals("counselor-1", call.getString("answeredBy"));
        assertEquals("ANSWERED", call.getString("disposition"));
        assertNull(records.collection(CollectionNames.CALLERS).find(new Document("_id", new ObjectId(callerId))).first(),
                "a caller profile with no case left is nothing but identity");
        assertEquals("市总工会法律援助站", records.collection(CollectionNames.ONWARD_REFERRALS).find().first()
                .getString("organisation"), "where the worker was referred is a figure, not an identity");

        String stored = records.everything().values().stream().flatMap(List::stream).map(Document::toJson)
                .reduce("", String::concat);
        for (String identifying : List.of("13800000001", "李师傅", "豫A12345", "顺达物流", "13900000000", "高速封路",
                "想把车扔下", "送去生活物资", "工资被拖欠", "情绪稳定", "儿子答应")) {
            assertFalse(stored.contains(identifying), identifying + " is still stored");
        }
    }

    @Test
    void anOpenCaseAPendingFollowUpOrSurveyAndARecentCloseAreNeverTouched() {
        String callerId = records.caller("13800000002", "张师傅");
        records.openCase(callerId, "13800000002", OPENED);
        CareCase withFollowUp = records.closedCase(callerId, "13800000002", OPENED, CLOSED);
        records.pendingFollowUp(withFollowUp.id(), false);
        CareCase withSurvey = records.closedCase(callerId, "13800000002", OPENED, CLOSED);
        records.pendingFollowUp(withSurvey.id(), true);
        records.closedCase(callerId, "13800000002", OPENED, Instant.parse("2025-06-01T02:00:00Z"));
        Map<String, List<Document>> before = records.everything();

        SweepResult dryRun = sweep(Policies.deleting()).dryRun();
        SweepResult result = runNow(Policies.deleting());

        for (SweepResult r : List.of(dryRun, result)) {
            assertEquals(0, r.cases().cases());
            assertEquals(2, r.cases().keptForOpenWork(), "the two cases with a pending follow-up or survey");
            assertEquals(0, r.cases().contacts() + r.cases().notes() + r.cases().followUps() + r.cases().callers());
        }
        Map<String, List<Document>> after = records.everything();
        for (String collection : List.of(CollectionNames.CASES, CollectionNames.CONTACTS, CollectionNames.NOTES,
                CollectionNames.FOLLOWUPS, CollectionNames.CALLERS)) {
            assertEquals(before.get(collection), after.get(collection), collection + " unchanged");
        }
    }

    @Test
    void deletingRemovesThatCaseWithItsContactsAndNotesAndKeepsTheOthers() {
        String callerId = records.caller("13800000003", "王师傅");
        records.registered("13700000007");
        CareCase old = records.closedCase(callerId, "13800000003", OPENED, CLOSED);
        CareCase anonymousOld = records.closedCase(null, "13700000007", OPENED, CLOSED);
        CareCase recent = records.closedCase(callerId, "13800000003", Instant.parse("2025-05-01T02:00:00Z"),
                Instant.parse("2025-06-01T02:00:00Z"));
        long reachedBefore = new CoverageFigures(records.store()).coverage().all().reached();

        SweepResult result = runNow(Policies.deleting());

        assertEquals(2, result.cases().cases());
        assertEquals(4, result.cases().contacts());
        assertEquals(2, result.cases().notes());
        assertEquals(2, result.cases().followUps());
        assertEquals(4, result.cases().attached());
        assertEquals(0, result.cases().callers(), "the caller still has the recent case; the other was anonymous");
        for (CareCase gone : List.of(old, anonymousOld)) {
            assertNull(records.caseDoc(gone.id()));
            for (String collection : List.of(CollectionNames.CONTACTS, CollectionNames.NOTES, CollectionNames.FOLLOWUPS,
                    CollectionNames.EMERGENCY_CONTACTS, CollectionNames.ONWARD_REFERRALS)) {
                assertEquals(0, records.count(collection, gone.id()), collection + " of " + gone.number());
            }
        }
        assertNotNull(records.caseDoc(recent.id()));
        assertEquals(2, records.count(CollectionNames.CONTACTS, recent.id()));
        assertEquals(1, records.count(CollectionNames.NOTES, recent.id()));
        assertNotNull(records.collection(CollectionNames.CALLERS).find(new Document("_id", new ObjectId(callerId)))
                .first(), "the caller of the recent case stays");
        assertEquals(1, reachedBefore);
        assertEquals(reachedBefore, new CoverageFigures(records.store()).coverage().all().reached(),
                "the registered worker reached on a deleted case still counts as reached");
    }

    @Test
    void aDryRunChangesNothingAndCountsWhatTheSweepThenDoes() {
        String callerId = records.caller("13800000004", "赵师傅");
        for (int i = 0; i < 5; i++) {
            records.closedCase(callerId, "13800000004", OPENED, CLOSED);
        }
        Map<String, List<Document>> before = records.everything();

        SweepResult dryRun = sweep(Policies.anonymising()).dryRun();

        assertTrue(dryRun.dryRun());
        assertEquals(before, records.everything(), "not one document changed, no audit entry");
        assertEquals(5, dryRun.cases().cases());
        SweepResult result = runNow(Policies.anonymising());
        assertEquals(dryRun.counts(), result.counts());
        assertEquals(dryRun.cases().sampleNumbers(), result.cases().sampleNumbers());
    }

    @Test
    void aSecondSweepFindsNothingLeftAndChangesNothing() {
        String callerId = records.caller("13800000005", "钱师傅");
        for (int i = 0; i < 3; i++) {
            records.closedCase(callerId, "13800000005", OPENED, CLOSED);
        }
        SweepResult first = runNow(Policies.anonymising());
        Map<String, List<Document>> afterFirst = records.everything();

        SweepResult second = runNow(Policies.anonymising());

        assertEquals(3, first.cases().cases());
        assertTrue(second.counts().values().stream().allMatch(n -> n == 0), second.counts().toString());
        Map<String, List<Document>> afterSecond = records.everything();
        afterFirst.forEach((collection, docs) -> {
            if (!collection.equals(CollectionNames.AUDIT)) {
                assertEquals(docs, afterSecond.get(collection), collection + " unchanged by the second sweep");
            }
        });
    }

    @Test
    void eachSweepWritesOneAuditEntryWithItsCounts() {
        String callerId = records.caller("13800000006", "孙师傅");
        records.closedCase(callerId, "13800000006", OPENED, CLOSED);
        AuditLog audit = new AuditLog(records.store());
        audit.record(new AuditEntry(clock.instant(), "u1", "wang.fang", "case.read", "C-1", "", "10.0.0.5"));

        runNow(Policies.anonymising());

        List<AuditEntry> entries = audit.recent(1, 10);
        assertEquals(2, entries.size(), "the sweep wrote one entry");
        AuditEntry sweepEntry = entries.stream().filter(e -> e.action().equals(RetentionSweep.AUDIT_ACTION))
                .findFirst().orElseThrow();
        assertEquals("admin", sweepEntry.login());
        assertEquals("manual", sweepEntry.target());
        assertEquals("127.0.0.1", sweepEntry.remote());
        assertTrue(sweepEntry.detail().startsWith("cases=ANONYMISE@1825d 1 (contacts 2, notes 1, follow-ups 1, "
                + "attached 2, callers 1, kept for pending follow-up 0) audit=ANONYMISE@1095d 0 presence=ANONYMISE@730d 0"),
                sweepEntry.detail());
    }
}
