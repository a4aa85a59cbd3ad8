package org.carehotline.followups;

import java.time.Instant;
import java.util.Optional;
import org.carehotline.cases.Category;

/**
 * A follow-up to store.
 *
 * @param assignee a counselor id, or {@code pool}
 * @param window   when the worker may be called (already narrowed by their preferred times)
 */
public record NewFollowUp(String caseId, String phone, String reason, Mode mode, String assignee, Instant dueAt,
                          CallingWindow window, int maxAttempts, boolean highRisk, Optional<Category> category,
                          Optional<String> dialect, Optional<String> planId, Optional<String> sourceId) {
}
