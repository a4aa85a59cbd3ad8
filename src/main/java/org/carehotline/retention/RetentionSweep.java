package org.carehotline.retention;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention sweep: each kind of record past its period is anonymised or deleted as the
 * policy says, in batches, one sweep at a time across servers ({@link SweepLock}); each sweep
 * writes one audit entry ({@code retention.sweep}) with its counts. A dry run counts the same
 * things and changes nothing (no lock, no audit entry). Blocking: call it from a worker thread,
 * never from an event loop.
 */
public final class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    /** The audit action of a sweep. */
    public static final String AUDIT_ACTION = "retention.sweep";
    /** How long a claim holds the lock without renewing it (it renews after every batch). */
    static final Duration LEASE = Duration.ofMinutes(15);

    private final RetentionPolicy policy;
    private final CaseRetention cases;
    private final LogRetention auditEntries;
    private final LogRetention presence;
    private final SweepLock lock;
    private final AuditLog audit;
    private final Clock clock;

    public RetentionSweep(MongoStore store, RetentionPolicy policy, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.cases = new CaseRetention(CaseCollections.of(store));
        var db = store.database();
        this.auditEntries = new LogRetention(db.getCollection(CollectionNames.AUDIT), "at", combine(set("userId", ""),
                set("login", ""), set("target", ""), set("detail", ""), set("remote", "")));
        this.presence = new LogRetention(db.getCollection(CollectionNames.PRESENCE_LOG), "to", set("counselorId", ""));
        this.lock = new SweepLock(store, LEASE);
        this.audit = audit;
        this.clock = clock;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** What a sweep would do now, changing nothing. Works whether or not retention is enabled. */
    public SweepResult dryRun() {
        return sweep(clock.instant(), true, () -> { });
    }

    /**
     * Sweeps now, for an administrator. Empty when retention is off or another sweep holds the lock.
     *
     * @param userId who asked, with their login and address, for the audit entry
     */
    public Optional<SweepResult> runNow(String userId, String login, String remote) {
        if (!policy.enabled()) {
            return Optional.empty();
        }
        return claimed(clock.instant(), Optional.empty(), "manual", new Who(userId, login, remote));
    }

    /**
     * The daily sweep: runs if retention is on, the local hour has come and no server has swept
     * today. A server started after the hour catches up the same day.
     */
    public Optional<SweepResult> runDailyIfDue() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(policy.zone());
        if (!policy.enabled() || local.getHour() < policy.hour()) {
            return Optional.empty();
        }
        return claimed(now, Optional.of(local.toLocalDate()), "daily", new Who("", "system", ""));
    }

    /** The last sweep's time, trigger, who and detail, if any sweep ran on this database. */
    public Optional<LastRun> lastRun() {
        return lock.lastRun().map(d -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            d.get("counts", new Document()).forEach((name, n) -> counts.put(name, ((Number) n).longValue()));
            return new LastRun(d.getDate("at").toInstant(), d.getString("trigger"), d.getString("login"), counts,
                    d.getString("detail"));
        });
    }

    /**
     * The summary a sweep leaves on the lock document, for the page.
     *
     * @param counts as {@link SweepResult#counts}; empty if the sweep failed
     */
    public record LastRun(Instant at, String trigger, String login, Map<String, Long> counts, String detail) {}

    private record Who(String userId, String login, String remote) {}

    private Optional<SweepResult> claimed(Instant now, Optional<LocalDate> day, String trigger, Who who) {
        Optional<SweepLock.Claim> claim = lock.claim(now, day);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        String detail = "failed";
        Map<String, Long> counts = Map.of();
        try {
            SweepResult result = sweep(now, false, () -> {
                if (!claim.get().renew(clock.instant())) {
                    throw new IllegalStateException("the retention lock was taken over: sweep stopped");
                }
            });
            detail = result.detail();
            counts = result.counts();
            audit.record(new AuditEntry(clock.instant(), who.userId(), who.login(), AUDIT_ACTION, trigger, detail,
                    who.remote()));
            log.info("Retention sweep ({}) by {}: {}", trigger, who.login(), detail);
            return Optional.of(result);
        } catch (RuntimeException e) {
            detail = "failed: " + e.getMessage();
            throw e;
        } finally {
            claim.get().release(new Document("at", Date.from(now)).append("trigger", trigger)
                    .append("login", who.login()).append("detail", detail).append("counts", new Document(new LinkedHashMap<String, Object>(counts))));
        }
    }

    private SweepResult sweep(Instant now, boolean dryRun, Runnable afterBatch) {
        int batch = policy.batchSize();
        RetentionPolicy.Rule caseRule = policy.rule(RetentionKind.CASES);
        CaseCounts caseCounts = policy.cutoff(RetentionKind.CASES, now)
                .map(cutoff -> cases.run(caseRule.action(), cutoff, now, batch, dryRun, afterBatch))
                .orElse(CaseCounts.NONE);
        return new SweepResult(now, dryRun, policy.rules(), caseCounts,
                logs(auditEntries, RetentionKind.AUDIT, now, dryRun, afterBatch),
                logs(presence, RetentionKind.PRESENCE, now, dryRun, afterBatch));
    }

    private long logs(LogRetention logs, RetentionKind kind, Instant now, boolean dryRun, Runnable afterBatch) {
        RetentionAction action = policy.rule(kind).action();
        return policy.cutoff(kind, now).map(cutoff -> dryRun ? logs.count(action, cutoff)
                : logs.apply(action, cutoff, now, policy.batchSize(), afterBatch)).orElse(0L);
    }
}
