package org.carehotline.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Crisis alerts as the console works them: raised, acknowledged once by a supervisor, and
 * raised again while nobody has acknowledged them for {@code reraiseAfter}. The store is the
 * truth (a restart or a reload loses no alert). Blocking.
 */
public final class CrisisAlerts {

    private final CrisisAlertRepository repository;
    private final Clock clock;
    private final Duration reraiseAfter;

    public CrisisAlerts(CrisisAlertRepository repository, Clock clock, Duration reraiseAfter) {
        this.repository = repository;
        this.clock = clock;
        this.reraiseAfter = reraiseAfter;
    }

    /** A new alert, raised now. */
    public CrisisAlert raise(String caseId, String caseNumber, String contactId, String reason, String level) {
        return repository.raise(caseId, caseNumber, contactId, reason, level, clock.instant());
    }

    /** Acknowledges the alert; empty when it was already acknowledged (by someone else, or before). */
    public Optional<CrisisAlert> acknowledge(String alertId, String byId, String byName) {
        return repository.acknowledge(alertId, byId, byName, clock.instant());
    }

    /** Raises again the alerts nobody acknowledged for {@code reraiseAfter}; returns them. */
    public List<CrisisAlert> reraiseDue() {
        var now = clock.instant();
        return repository.reraiseOlderThan(now.minus(reraiseAfter), now);
    }

    public List<CrisisAlert> open() {
        return repository.unacknowledged();
    }

    public List<CrisisAlert> forCase(String caseId) {
        return repository.forCase(caseId);
    }

    public Optional<CrisisAlert> find(String alertId) {
        return repository.find(alertId);
    }

    /** How often to look for alerts to raise again: a quarter of the re-raise time, between 1 and 15 seconds. */
    public Duration sweepEvery() {
        long quarter = reraiseAfter.toMillis() / 4;
        return Duration.ofMillis(Math.max(1000, Math.min(15_000, quarter)));
    }
}
