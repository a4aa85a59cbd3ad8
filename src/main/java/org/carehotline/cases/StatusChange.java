package org.carehotline.cases;

import java.time.Instant;

/** One entry of a case's status history. {@code by} is a counselor id or {@code system}. */
public record StatusChange(CaseStatus status, Instant at, String by, String note) {
}
