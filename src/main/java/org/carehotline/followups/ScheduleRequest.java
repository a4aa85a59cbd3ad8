package org.carehotline.followups;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A counselor's request for a follow-up on a case.
 *
 * @param assignee  a counselor id, {@code pool}, or empty for the default: the case's counselor (its
 *                  owner, else the caller's last counselor), else the pool
 * @param zone      the worker's time zone, empty for the hotline's
 * @param preferred times the worker prefers to be called (narrow the hotline's window)
 * @param maxAttempts empty for the configured default
 */
public record ScheduleRequest(String caseId, Instant dueAt, Optional<String> assignee, Mode mode,
                              Optional<ZoneId> zone, List<TimeRange> preferred, String reason,
                              Optional<Integer> maxAttempts) {

    /** A counselor call at {@code dueAt} for the case's counselor, in the default window. */
    public static ScheduleRequest at(String caseId, Instant dueAt, String reason) {
        return new ScheduleRequest(caseId, dueAt, Optional.empty(), Mode.COUNSELOR_CALL, Optional.empty(), List.of(),
                reason, Optional.empty());
    }

    public ScheduleRequest assignedTo(String counselorIdOrPool) {
        return new ScheduleRequest(caseId, dueAt, Optional.of(counselorIdOrPool), mode, zone, preferred, reason,
                maxAttempts);
    }

    public ScheduleRequest inZone(ZoneId workerZone, List<TimeRange> preferredTimes) {
        return new ScheduleRequest(caseId, dueAt, assignee, mode, Optional.of(workerZone), preferredTimes, reason,
                maxAttempts);
    }

    public ScheduleRequest as(Mode newMode) {
        return new ScheduleRequest(caseId, dueAt, assignee, newMode, zone, preferred, reason, maxAttempts);
    }
}
