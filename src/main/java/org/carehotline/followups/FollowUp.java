package org.carehotline.followups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carehotline.cases.Category;

/**
 * A call the hotline owes a worker. {@code assignee} is a counselor id or {@code pool}.
 *
 * @param dueAt       when it may be dialed next (moves with retries and waits)
 * @param firstDueAt  when it was first due: dispatch lag counts from here
 * @param attemptDueAt when the current attempt fell due (first due, or the retry time): the
 *                    owner's grace period counts from here, not from waits for a busy counselor
 * @param window      when the worker may be called; empty for records older than windows (the default applies)
 * @param attemptsMade attempts that counted against {@code maxAttempts}
 * @param claimToken  set while a scheduler holds it; every write about the current call must carry it
 */
public record FollowUp(String id, String caseId, String phone, String reason, String assignee, String status,
                       Instant dueAt, Mode mode, Instant firstDueAt, Instant attemptDueAt,
                       Optional<CallingWindow> window,
                       int attemptsMade, int maxAttempts, List<Attempt> attempts, boolean highRisk,
                       Optional<Category> category, Optional<String> dialect, Optional<String> planId,
                       Optional<String> claimToken, Optional<String> currentCounselorId,
                       Optional<String> currentContactId, Optional<String> note) {

    public boolean pooled() {
        return FollowUpRepository.ASSIGNEE_POOL.equals(assignee);
    }
}
