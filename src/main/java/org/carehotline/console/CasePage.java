package org.carehotline.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallerProfile;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.NoteRepository;
import org.carehotline.cases.RiskAssessment;
import org.carehotline.cases.StatusChange;
import org.carehotline.cases.Visit;
import org.carehotline.cases.VisitRepository;
import org.carehotline.console.auth.User;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;

/**
 * The case page's model: the case, the caller's profile, the current risk, and the timeline
 * that merges calls, visits, notes, risk assessments, status changes and follow-ups, newest
 * first, with what each {@link CasePanel} (onward referrals, the emergency record) adds. Blocking.
 */
final class CasePage {

    private final CaseWork cases;
    private final CallerProfiles callers;
    private final ContactRepository contacts;
    private final VisitRepository visits;
    private final NoteRepository notes;
    private final FollowUpRepository followUps;
    private final CaseRows rows;
    private final Formats formats;
    private final CaseFollowUps followUpPanel;
    private final List<CasePanel> panels;

    CasePage(CaseWork cases, CallerProfiles callers, ContactRepository contacts, VisitRepository visits,
             NoteRepository notes, FollowUpRepository followUps, CaseRows rows, Formats formats,
             CaseFollowUps followUpPanel, List<CasePanel> panels) {
        this.cases = cases;
        this.callers = callers;
        this.contacts = contacts;
        this.visits = visits;
        this.notes = notes;
        this.followUps = followUps;
        this.rows = rows;
        this.formats = formats;
        this.followUpPanel = followUpPanel;
        this.panels = List.copyOf(panels);
    }

    Reply.View view(User user, CaseFile file) {
        Map<String, String> names = rows.counselorNames();
        Reply.View view = Reply.view("case.ftlh");
        view.with("c", rows.rows(List.of(file), user).get(0));
        view.with("presentingProblem", file.presentingProblem());
        view.with("outcome", file.outcome());
        Optional<CallerProfile> caller = file.base().callerId().flatMap(callers::find);
        view.with("caller", caller.orElse(null));
        view.with("risk", file.risk().map(r -> riskRow(r)).orElse(null));
        view.with("timeline", timeline(file, names));
        view.with("errors", Map.of());
        view.with("formName", "");
        view.with("values", Map.of());
        view.with("occupations", ProfileFields.occupations(caller.map(CallerProfile::occupation).orElse("")));
        view.with("dialects", ProfileFields.dialects(caller.map(CallerProfile::dialect).orElse("")));
        view.with("regions", org.carehotline.vocabulary.Vocabulary.REGION.codes());
        view.with("allCategories", java.util.Arrays.stream(org.carehotline.cases.Category.values()).map(Enum::name)
                .toList());
        view.with("timeframes", java.util.Arrays.stream(org.carehotline.cases.RiskLevel.Timeframe.values())
                .map(Enum::name).toList());
        view.with("levels", java.util.Arrays.stream(org.carehotline.cases.RiskLevel.values()).map(Enum::name).toList());
        view.with("visitKinds", Visit.KINDS);
        view.with("assignable", user.seesAllCases() ? rows.callTakers() : List.of());
        view.with("fu", followUpPanel.model(user, file)); // templates/case-followups.ftlh
        panels.forEach(p -> p.addTo(view, file));
        return view;
    }

    List<String> callTakerIds() {
        return rows.callTakers().stream().map(c -> c.get("id")).toList();
    }

    private Map<String, Object> riskRow(RiskAssessment r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level", r.level().name());
        row.put("thoughts", r.thoughts());
        row.put("plan", r.plan());
        row.put("means", r.means());
        row.put("timeframe", r.timeframe().name());
        row.put("protective", r.protective());
        row.put("by", r.assessedByName());
        row.put("at", formats.time(r.at()));
        return row;
    }

    private List<Map<String, Object>> timeline(CaseFile file, Map<String, String> names) {
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
                    c.answeredBy().map(id -> names.getOrDefault(id, id)).orElse(""),
                    c.waitSeconds().map(Formats::duration).orElse(""),
                    c.talkSeconds().map(Formats::duration).orElse("")));
        }
        for (Visit v : visits.forCase(caseId)) {
            entries.add(new Entry(v.at(), "visit", v.kind(), "", v.summary(), v.byName(), "", ""));
        }
        notes.forCase(caseId).forEach(n -> entries.add(new Entry(n.at(), "note", "note", "", n.text(), n.authorName(), "", "")));
        for (RiskAssessment r : file.riskHistory()) {
            entries.add(new Entry(r.at(), "risk", "risk", "risk." + r.level().name(), r.protective(),
                    r.assessedByName(), "", ""));
        }
        for (StatusChange s : file.statusHistory()) {
            entries.add(new Entry(s.at(), "status", "status", "status." + s.status().name(), s.note(),
                    names.getOrDefault(s.by(), s.by()), "", ""));
        }
        for (CaseFile.Assignment a : file.assignments()) {
            entries.add(new Entry(a.at(), "assignment", "assignment", "", names.getOrDefault(a.to(), a.to()),
                    names.getOrDefault(a.by(), a.by()), "", ""));
        }
        caseFollowUps.forEach(f -> entries.add(new Entry(f.dueAt(), "followup", "followup",
                "followupStatus." + f.status(), f.reason(), names.getOrDefault(f.assignee(), f.assignee()), "", "")));
        panels.forEach(p -> p.timeline(file).forEach(i -> entries.add(new Entry(i.at(), i.type(), i.kind(), i.label(),
                i.detail(), i.who(), "", ""))));
        // newest first; in the same second the status change that opened the case last (at the bottom),
        // then the call above it, then the rest
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> TYPE_ORDER.indexOf(e.type())).reversed());
        return entries.stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", formats.time(e.at()));
            row.put("type", e.type());
            row.put("kind", e.kind());
            row.put("label", e.label());
            row.put("detail", e.detail());
            row.put("who", e.who());
            row.put("wait", e.waited());
            row.put("talk", e.talk());
            return row;
        }).toList();
    }

    private static final List<String> TYPE_ORDER = List.of("status", "call", "visit", "risk", "note", "assignment",
            "followup", "onward", "emergency");

    private record Entry(Instant at, String type, String kind, String label, String detail, String who, String waited,
                         String talk) {}
}
