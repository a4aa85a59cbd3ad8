package org.carehotline.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A measurement, not a test (the name keeps it out of the suite): how long a dry run and a sweep
 * take on the embedded store for {@code probe.cases} closed cases past their period among
 * {@code probe.recent} recent ones, two contacts and a note each, anonymised then deleted. Run:
 * {@code JAVA_HOME="$(.ci/jdk)" ./mvnw -B -o -q test -Dtest=RetentionTimingProbe | grep PROBE}
 */
class RetentionTimingProbe {

    @RegisterExtension
    final RetentionRecords records = new RetentionRecords();

    @Test
    void time() {
        int n = Integer.getInteger("probe.cases", 2000);
        int recent = Integer.getInteger("probe.recent", 8000);
        Date old = Date.from(Instant.parse("2020-01-10T00:00:00Z"));
        Date fresh = Date.from(Instant.parse("2026-11-10T00:00:00Z"));
        List<Document> cases = new ArrayList<>();
        List<Document> contacts = new ArrayList<>();
        List<Document> notes = new ArrayList<>();
        for (int i = 0; i < n + recent; i++) {
            ObjectId id = new ObjectId();
            Date at = i < n ? old : fresh;
            cases.add(new Document("_id", id).append("number", "C" + i).append("phone", "138" + i).append("status", "CLOSED")
                    .append("statusHistory", List.of(new Document("status", "CLOSED").append("at", at).append("note", "x")))
                    .append("openedAt", at).append("updatedAt", at).append("presentingProblem", "p"));
            for (int k = 0; k < 2; k++) {
                contacts.add(new Document("caseId", id.toHexString()).append("kind", "inbound_call").append("phone", "138" + i)
                        .append("startedAt", at).append("talkSeconds", 60).append("log", List.of()));
            }
            notes.add(new Document("caseId", id.toHexString()).append("text", "t").append("at", at));
        }
        records.collection(CollectionNames.CASES).insertMany(cases);
        records.collection(CollectionNames.CONTACTS).insertMany(contacts);
        records.collection(CollectionNames.NOTES).insertMany(notes);
        MutableClock clock = MutableClock.at("2026-12-04T12:00:00Z");
        for (RetentionPolicy p : List.of(Policies.anonymising(), Policies.deleting())) {
            RetentionPolicy policy = new RetentionPolicy(true, 3, p.zone(), p.rules(), 500);
            long t0 = System.nanoTime();
            SweepResult dry = records.sweep(policy, clock).dryRun();
            long t1 = System.nanoTime();
            SweepResult run = records.sweep(policy, clock).runNow("a", "admin", "").orElseThrow();
            long t2 = System.nanoTime();
            System.out.printf("PROBE %s: %d old of %d cases, %d contacts: dry run %d ms (%s), sweep %d ms (%s)%n",
                    policy.rule(RetentionKind.CASES).action(), n, n + recent, contacts.size(), (t1 - t0) / 1_000_000,
                    dry.counts(), (t2 - t1) / 1_000_000, run.counts());
            org.junit.jupiter.api.Assertions.assertEquals(n, run.cases().cases());
            org.junit.jupiter.api.Assertions.assertEquals(dry.counts(), run.counts());
        }
    }
}
