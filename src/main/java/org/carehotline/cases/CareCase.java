package org.carehotline.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A case gathers the contacts with one worker over time (calls in and out, visits, notes).
 * Named {@code CareCase} because {@code case} is a Java keyword.
 *
 * @param callerId empty for an anonymous caller
 */
public record CareCase(
        String id,
        String number,
        Optional<String> callerId,
        Optional<String> phone,
        CaseStatus status,
        List<Category> categories,
        Optional<String> ownerId,
        Instant openedAt,
        Instant updatedAt,
        int contactCount) {
}
