package org.carehotline.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Audit entries and presence intervals past their period, in batches smaller than what is due:
 * anonymised entries keep their action and time, deleted intervals are gone, an interval still
 * open and everything recent stay.
 */
class LogRetentionTest {

    private static final Instant OLD = Instant.parse("2022-06-01T00:00:00Z");
    private static final Instant RECENT = Instant.parse("2026-06-01T00:00:00Z");

    @RegisterExtension
    final RetentionRecords records = new RetentionRecords();
    private final MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");

    private void interval(String counselorId, Instant from, Instant to) {
        records.store().database().getCollection(CollectionNames.PRESENCE_LOG).insertOne(new Document("counselorId", counselorId)
                .append("state", "AVAILABLE").append("reason", "").append("from", Date.from(from))
                .append("to", to == null ? null : Date.from(to)).append("server", "s1"));
    }

    @Test
    void oldAuditEntriesLoseWhoAndOldPresenceIntervalsGoWhileOpenAndRecentOnesStay() {
        AuditLog audit = new AuditLog(records.store());
        for (int i = 0; i < 5; i++) {
            audit.record(new AuditEntry(OLD.plusSeconds(i), "u1", "wang.fang", "case.read", "C-" + i, "screen pop",
                    "10.0.0.5"));
        }
        audit.record(new AuditEntry(RECENT, "u1", "wang.fang", "case.read", "C-9", "", "10.0.0.5"));
        for (int i = 0; i < 3; i++) {
            interval("counselor-1", OLD.plusSeconds(i * 100), OLD.plusSeconds(i * 100 + 50));
        }
        interval("counselor-2", OLD, null);
        interval("counselor-1", RECENT, RECENT.plusSeconds(60));
        RetentionSweep sweep = records.sweep(Policies.of(true, RetentionAction.ANONYMISE,
                RetentionAction.ANONYMISE, RetentionAction.DELETE), clock);

        SweepResult dryRun = sweep.dryRun();
        SweepResult result = sweep.runNow("a1", "admin", "127.0.0.1").orElseThrow();

        assertEquals(5, dryRun.audit());
        assertEquals(3, dryRun.presence());
        assertEquals(5, result.audit(), "in batches of two");
        assertEquals(3, result.presence());
        List<AuditEntry> entries = audit.recent(1, 20);
        List<AuditEntry> old = entries.stream().filter(e -> e.at().isBefore(RECENT)).toList();
        assertEquals(5, old.size());
        for (AuditEntry e : old) {
            assertEquals(List.of("", "", "", "", "case.read"), List.of(e.userId(), e.login(), e.target(), e.remote(),
                    e.action()));
        }
        assertEquals(List.of("wang.fang"), entries.stream().filter(e -> e.at().equals(RECENT)).map(AuditEntry::login)
                .toList());
        List<Document> intervals = records.store().database().getCollection(CollectionNames.PRESENCE_LOG).find()
                .into(new java.util.ArrayList<>());
        assertEquals(2, intervals.size(), "the open interval and the recent one");
        assertNull(intervals.stream().filter(d -> d.getString("counselorId").equals("counselor-2")).findFirst()
                .orElseThrow().get("to"));
        assertEquals(0, sweep.runNow("a1", "admin", "127.0.0.1").orElseThrow().audit(), "done once");
    }
}
