package org.carehotline.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * A crisis alert: a caller pressed "help now", a caller flagged high-risk called, a risk was
 * rated high or imminent, or an emergency contact was made. It stays raised until a supervisor
 * acknowledges it; while nobody has, it is raised again every so often.
 *
 * @param contactId      the call it is about, empty when it is about a case only
 * @param level          HIGH, IMMINENT, EMERGENCY, or empty for a call
 * @param lastRaisedAt   when it was last put on screens (the first time, or a re-raise)
 * @param raises         how many times it was put on screens
 * @param acknowledgedBy the supervisor's display name, empty while unacknowledged
 */
public record CrisisAlert(
        String id,
        String caseId,
        String caseNumber,
        String contactId,
        String reason,
        String level,
        Instant raisedAt,
        Instant lastRaisedAt,
        int raises,
        Optional<String> acknowledgedBy,
        Optional<Instant> acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt.isPresent();
    }
}
