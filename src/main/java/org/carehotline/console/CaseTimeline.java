package org.carehotline.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.NoteRepository;
import org.carehotline.cases.RiskAssessment;
import org.carehotline.cases.StatusChange;
import org.carehotline.cases.Visit;
import org.carehotline.cases.VisitRepository;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;

/**
 * A case's timeline: calls, visits, notes, risk assessments, status changes, assignments and
 * follow-ups, with what each {@link CasePanel} adds, newest first. The case page shows it and
 * the integration API returns it. Blocking.
 */
public final class CaseTimeline {

    /**
     * One entry. {@code kind} and {@code label} are codes (the page shows their texts);
     * {@code detail} is as written; {@code who} is a counselor's display name.
     */
    public record Entry(Instant at, String type, String kind, String label, String detail, String who,
                        Optional<Long> waitSeconds, Optional<Long> talkSeconds) {}

    private static final List<String> TYPE_ORDER = List.of("status", "call", "visit", "risk", "note", "assignment",
            "followup", "onward", "emergency");

    private final ContactRepository contacts;
    private final VisitRepository visits;
    private final NoteRepository notes;
    private final FollowUpRepository followUps;
    private final CaseRows rows;
    private final List<CasePanel> panels;

    CaseTimeline(ContactRepository contacts, VisitRepository visits, NoteRepository notes,
                 FollowUpRepository followUps, CaseRows rows, List<CasePanel> panels) {
        this.contacts = contacts;
        this.visits = visits;
        this.notes = notes;
        this.followUps = followUps;
        this.rows = rows;
        this.panels = List.copyOf(panels);
    }

    /** The case's entries, newest first. */
    public List<Entry> entries(CaseFile file) {
        Map<String, String> names = rows.counselorNames();
        String caseId = file.base().id();
        List<Entry> entries = new ArrayList<>();
        List<FollowUp> caseFollowUps = followUps.forCase(caseId);
        // a follow-up attempt's contact is labelled with its outcome (wrong number, declined, …)
        Map<String, String> outcomes = new HashMap<>();
        caseFollowUps.forEach(f -> f.attempts().forEach(a -> a.contactId().ifPresent(
                id -> outcomes.put(id, "followupOutcome." + a.outcome().code()))));
        for (Contact c : contacts.forCase(caseId)) {
            if (Visit.KINDS.contains(c.kind())) {
                continue;
            }
            entries.add(new Entry(c.startedAt(), "call", c.kind(), outcomes.getOrDefault(c.id(),
                    "disposition." + c.disposition().map(Enum::name).orElse("IN_PROGRESS")), "",
                    c.answeredBy().map(id -> names.getOrDefault(id, id)).orElse(""), c.waitSeconds(),
                    c.talkSeconds()));
        }
        for (Visit v : visits.forCase(caseId)) {
            entries.add(entry(v.at(), "visit", v.kind(), "", v.summary(), v.byName()));
        }
        notes.forCase(caseId).forEach(n -> entries.add(entry(n.at(), "note", "note", "", n.text(), n.authorName())));
        for (RiskAssessment r : file.riskHistory()) {
            entries.add(entry(r.at(), "risk", "risk", "risk." + r.level().name(), r.protective(),
                    r.assessedByName()));
        }
        for (StatusChange s : file.statusHistory()) {
            entries.add(entry(s.at(), "status", "status", "status." + s.status().name(), s.note(),
                    names.getOrDefault(s.by(), s.by())));
        }
        for (CaseFile.Assignment a : file.assignments()) {
            entries.add(entry(a.at(), "assignment", "assignment", "", names.getOrDefault(a.to(), a.to()),
                    names.getOrDefault(a.by(), a.by())));
        }
        caseFollowUps.forEach(f -> entries.add(entry(f.dueAt(), "followup", "followup",
                "followupStatus." + f.status(), f.reason(), names.getOrDefault(f.assignee(), f.assignee()))));
        panels.forEach(p -> p.timeline(file).forEach(i -> entries.add(entry(i.at(), i.type(), i.kind(), i.label(),
                i.detail(), i.who()))));
        // newest first; in the same second the status change that opened the case last (at the bottom),
        // then the call above it, then the rest
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> TYPE_ORDER.indexOf(e.type())).reversed());
        return entries;
    }

    private static Entry entry(Instant at, String type, String kind, String label, String detail, String who) {
        return new Entry(at, type, kind, label, detail, who, Optional.empty(), Optional.empty());
    }
}
