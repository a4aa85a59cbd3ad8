package org.carehotline.console;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.console.auth.User;
import org.carehotline.followups.Attempt;
import org.carehotline.followups.CallingWindow;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.TimeRange;

/**
 * Follow-ups as rows of the console's lists, calendar and case page: case number, the worker's
 * number as the viewer may see it, due time in the hotline's zone, window, assignee or pool,
 * mode, attempts so far and the last outcome. Blocking (reads the cases and counselors' names).
 */
final class FollowUpRows {

    private final CaseRepository cases;
    private final CaseRows caseRows;
    private final Formats formats;

    FollowUpRows(CaseRepository cases, CaseRows caseRows, Formats formats) {
        this.cases = cases;
        this.caseRows = caseRows;
        this.formats = formats;
    }

    List<Map<String, Object>> rows(List<FollowUp> followUps, User viewer) {
        Map<String, String> names = caseRows.counselorNames();
        Map<String, Optional<CareCase>> byId = new HashMap<>();
        return followUps.stream().map(f -> row(f, byId.computeIfAbsent(f.caseId(), cases::findById), viewer, names))
                .toList();
    }

    private Map<String, Object> row(FollowUp f, Optional<CareCase> careCase, User viewer, Map<String, String> names) {
        ZonedDateTime due = f.dueAt().atZone(formats.zone());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", f.id());
        row.put("caseId", f.caseId());
        row.put("caseNumber", careCase.map(CareCase::number).orElse(""));
        row.put("phone", Formats.phone(Optional.ofNullable(f.phone()), viewer));
        row.put("due", formats.time(f.dueAt()));
        row.put("dueInput", FollowUpFields.input(f.dueAt(), formats.zone()));
        row.put("day", due.toLocalDate().toString());
        row.put("hour", due.getHour());
        row.put("clock", formats.time(f.dueAt()).substring(11));
        row.put("window", f.window().map(this::window).orElse(""));
        row.put("pooled", f.pooled());
        row.put("assignee", f.pooled() ? "" : names.getOrDefault(f.assignee(), f.assignee()));
        row.put("mode", f.mode().code());
        row.put("attempts", f.attemptsMade() + "/" + f.maxAttempts());
        row.put("lastOutcome", f.attempts().isEmpty() ? "" : f.attempts().get(f.attempts().size() - 1).outcome().code());
        row.put("status", f.status());
        row.put("open", FollowUpStatus.OPEN.contains(f.status()));
        row.put("dialing", FollowUpStatus.CLAIMED.equals(f.status()) && f.currentContactId().isPresent());
        row.put("reason", f.reason() == null ? "" : f.reason());
        row.put("plan", f.planId().orElse(""));
        row.put("attemptList", f.attempts().stream().map(a -> attempt(a, names)).toList());
        return row;
    }

    /** "09:00-21:00", with the worker's zone when it is not the hotline's. */
    private String window(CallingWindow w) {
        String ranges = w.ranges().stream().map(TimeRange::toString).collect(Collectors.joining(", "));
        return w.zone().equals(formats.zone()) ? ranges : ranges + " (" + w.zone().getId() + ")";
    }

    private Map<String, Object> attempt(Attempt a, Map<String, String> names) {
        return Map.of("at", formats.time(a.at()), "outcome", a.outcome().code(),
                "by", a.counselorId().map(id -> names.getOrDefault(id, id)).orElse(""), "counted", a.counted());
    }
}
