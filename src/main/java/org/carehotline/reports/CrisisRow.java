package org.carehotline.reports;

import java.time.Instant;
import java.util.Optional;

/**
 * One crisis call and how it ended.
 *
 * @param disposition       how the call ended (ANSWERED, ABANDONED, ...), empty while it lasts
 * @param caseStatus        where its case stands now
 * @param firstFollowUpAt   the first follow-up attempt on the case after the call, if any
 */
public record CrisisRow(Instant startedAt, String caseNumber, String disposition, String answeredBy,
                        String caseStatus, Optional<Instant> firstFollowUpAt) {

    /** Hours from the crisis call to its first follow-up attempt, or null when none was made. */
    public Double hoursToFollowUp() {
        return firstFollowUpAt.map(f -> ServiceRow.round1((f.getEpochSecond() - startedAt.getEpochSecond()) / 3600.0))
                .orElse(null);
    }
}
