package org.carehotline.followups;

import java.time.Instant;

/** A call the hotline owes a worker. {@code assignee} is a counselor id or {@code pool}. */
public record FollowUp(String id, String caseId, String phone, String reason, String assignee, String status,
                       Instant dueAt) {
}
