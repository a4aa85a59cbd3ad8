package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases, callers, crises and follow-ups from a known set, against values computed by hand. */
class CareFiguresTest {

    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
            ReportPeriod.Bucket.DAY, ServiceFiguresTest.SHANGHAI);

    @TempDir
    Path dataDir;
    private MongoStore store;
    private final ObjectId callerA = new ObjectId(), callerB = new ObjectId(), callerC = new ObjectId();
    private final ObjectId case1 = new ObjectId(), case2 = new ObjectId(), case3 = new ObjectId(),
            case4 = new ObjectId(), case5 = new ObjectId();

    @BeforeEach
    void load() {
        store = TestStores.open(dataDir);
        store.database().getCollection(CollectionNames.CALLERS).insertMany(List.of(
                caller(callerA, "13800000001", "货车司机", "郑州", "henan"),
                caller(callerB, "13800000002", "货车司机", "广州", "cantonese"),
                caller(callerC, "13800000003", "外卖配送员", null, null)));
        store.database().getCollection(CollectionNames.CASES).insertMany(List.of(
                careCase(case1, callerA, "2026-11-21T02:00:00Z", List.of("PSYCHOLOGICAL_SUPPORT", "CRISIS_INTERVENTION"),
                        "ACTIVE", "2026-11-22T09:00:00Z"),
                careCase(case2, callerB, "2026-11-22T01:00:00Z", List.of("LEGAL_ADVICE"), "ACTIVE", null),
                careCase(case3, callerC, "2026-11-22T02:00:00Z", List.of("PSYCHOLOGICAL_SUPPORT"), "ACTIVE",
                        "2026-11-22T16:30:00Z"), // closed on the 23rd, Shanghai time: outside
                careCase(case4, null, "2026-11-21T03:00:00Z", List.of("CRISIS_INTERVENTION"), "OPEN", null),
                careCase(case5, callerA, "2026-11-20T02:00:00Z", List.of("LEGAL_ADVICE"), "ACTIVE",
                        "2026-11-21T05:00:00Z"))); // opened before, closed inside
        store.database().getCollection(CollectionNames.CONTACTS).insertMany(Calls.all(
                Calls.startedAt("2026-11-21T02:00:00Z").inCase(case1.toHexString())
                        .category("CRISIS_INTERVENTION", "0").offer("c1", "ANSWER").answered("c1", 5, 1800),
                Calls.startedAt("2026-11-22T01:00:00Z").inCase(case4.toHexString())
                        .category("CRISIS_INTERVENTION", "0").ended("ABANDONED", 12),
                Calls.startedAt("2026-11-22T01:00:00Z").inCase(case2.toHexString())
                        .category("LEGAL_ADVICE", "2").answered("c2", 5, 60)));
        store.database().getCollection(CollectionNames.FOLLOWUPS).insertMany(List.of(
                followUp(case1, "2026-11-21T06:00:00Z", "done", "2026-11-21T06:05:00Z", "no_answer",
                        "2026-11-21T08:00:00Z", "no_answer", "2026-11-21T10:00:00Z", "reached"),
                followUp(case2, "2026-11-22T03:00:00Z", "pending"),
                // the counselor's own miss is not an attempt at the worker; a check-in "all right" reaches them
                followUp(case3, "2026-11-22T05:00:00Z", "done", "2026-11-22T05:05:00Z", "counselor_no_answer",
                        "2026-11-22T05:10:00Z", "checkin_ok"),
                followUp(case2, "2026-11-25T03:00:00Z", "pending"),
                // an attempt on case 1 before its crisis call: not its "first follow-up"
                followUp(case1, "2026-11-20T01:00:00Z", "done", "2026-11-21T01:00:00Z", "reached")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void casesOpenedAndClosedByCategoryAndCaller() {
        CareFigures care = new CareFigures(store);
        assertEquals(4, care.casesOpened(PERIOD));
        assertEquals(2, care.casesClosed(PERIOD), "case 1 and case 5; case 3 closed on the 23rd");
        assertEquals(List.of(new Tally("CRISIS_INTERVENTION", 2), new Tally("PSYCHOLOGICAL_SUPPORT", 2),
                new Tally("LEGAL_ADVICE", 1)), care.casesByCategory(PERIOD));
        assertEquals(List.of(new Tally("CRISIS_INTERVENTION", 2), new Tally("LEGAL_ADVICE", 1)),
                care.callsByCategory(PERIOD));
        Map<String, List<Tally>> byCaller = care.casesByCaller(PERIOD);
        assertEquals(List.of(new Tally("", 1), new Tally("外卖配送员", 1), new Tally("货车司机", 2)),
                byCaller.get("occupation"));
        assertEquals(List.of(new Tally("", 2), new Tally("广州", 1), new Tally("郑州", 1)), byCaller.get("region"));
    }

    @Test
    void crisesWithHowTheyEndedAndTheirFirstFollowUp() {
        List<CrisisRow> rows = new CrisisFigures(store).rows(PERIOD);
        assertEquals(2, rows.size());
        assertEquals(new CrisisRow(Instant.parse("2026-11-21T02:00:00Z"), "HL-" + case1, "ANSWERED", "c1", "CLOSED",
                Optional.of(Instant.parse("2026-11-21T06:05:00Z"))), rows.get(0));
        assertEquals(4.1, rows.get(0).hoursToFollowUp(), "4 h 05 min");
        assertEquals("ABANDONED", rows.get(1).disposition());
        assertEquals(null, rows.get(1).hoursToFollowUp());
        Report report = new Reports(store, new ReportSettings(5, 20), Clock.systemUTC()).report(PERIOD);
        assertEquals(rows, report.crises(), "the one-pass page finds the same crises");
        assertEquals(new CareFigures(store).callsByCategory(PERIOD), report.callsByCategory());
    }

    @Test
    void followUpsWithSeveralAttempts() {
        Clock now = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        FollowUpRow row = new FollowUpFigures(store, now).figures(PERIOD);
        assertEquals(new FollowUpRow(3, 2, 2, 1, 4), row);
        assertEquals(2.0, row.attemptsPerReach());
    }

    private static Document caller(ObjectId id, String phone, String occupation, String region, String dialect) {
        return new Document("_id", id).append("phone", phone).append("occupation", occupation)
                .append("region", region).append("dialect", dialect);
    }

    private static Document careCase(ObjectId id, ObjectId caller, String openedAt, List<String> categories,
                                     String status, String closedAt) {
        List<Document> history = new java.util.ArrayList<>(List.of(
                new Document("status", "OPEN").append("at", date(openedAt))));
        if (closedAt != null) {
            history.add(new Document("status", "CLOSED").append("at", date(closedAt)));
        }
        return new Document("_id", id).append("number", "HL-" + id).append("callerId",
                        caller == null ? null : caller.toHexString())
                .append("status", closedAt == null ? status : "CLOSED").append("statusHistory", history)
                .append("categories", categories).append("openedAt", date(openedAt)).append("updatedAt", date(openedAt));
    }

    /** A follow-up with attempts given as pairs of time and outcome. */
    private static Document followUp(ObjectId caseId, String dueAt, String status, String... attempts) {
        List<Document> tries = new java.util.ArrayList<>();
        for (int i = 0; i < attempts.length; i += 2) {
            tries.add(new Document("at", date(attempts[i])).append("outcome", attempts[i + 1])
                    .append("counted", !attempts[i + 1].equals("counselor_no_answer")));
        }
        return new Document("caseId", caseId.toHexString()).append("phone", "13800000001").append("reason", "crisis")
                .append("status", status).append("dueAt", date(dueAt)).append("attempts", tries);
    }

    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }
}
