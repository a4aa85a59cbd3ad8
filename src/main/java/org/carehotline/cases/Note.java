package org.carehotline.cases;

import java.time.Instant;

/** A case note: append-only, with its author and time. */
public record Note(String id, String caseId, String authorId, String authorName, String text, Instant at) {
}
