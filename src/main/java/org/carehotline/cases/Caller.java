package org.carehotline.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * A worker who has called or been called, keyed by normalized phone number.
 *
 * @param lastCounselorId the counselor who last talked with them, for continuity
 * @param highRisk        flagged high-risk on an earlier case: their calls are routed first
 */
public record Caller(
        String id,
        String phone,
        String name,
        String occupation,
        String region,
        String dialect,
        boolean unionMember,
        boolean highRisk,
        Optional<String> lastCounselorId,
        Instant firstCallAt,
        Instant lastCallAt) {
}
