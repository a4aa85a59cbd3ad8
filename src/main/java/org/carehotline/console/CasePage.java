package org.carehotline.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CallerProfile;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.RiskAssessment;
import org.carehotline.cases.Visit;
import org.carehotline.console.auth.User;

/**
 * The case page's model: the case, the caller's profile, the current risk, the {@link CaseTimeline}
 * with times in the hotline's zone, and what each {@link CasePanel} (onward referrals, the
 * emergency record) adds. Blocking.
 */
final class CasePage {

    private final CaseWork cases;
    private final CallerProfiles callers;
    private final CaseTimeline timeline;
    private final CaseRows rows;
    private final Formats formats;
    private final CaseFollowUps followUpPanel;
    private final List<CasePanel> panels;

    CasePage(CaseWork cases, CallerProfiles callers, CaseTimeline timeline, CaseRows rows, Formats formats,
             CaseFollowUps followUpPanel, List<CasePanel> panels) {
        this.cases = cases;
        this.callers = callers;
        this.timeline = timeline;
        this.rows = rows;
        this.formats = formats;
        this.followUpPanel = followUpPanel;
        this.panels = List.copyOf(panels);
    }

    Reply.View view(User user, CaseFile file) {
        Reply.View view = Reply.view("case.ftlh");
        view.with("c", rows.rows(List.of(file), user).get(0));
        view.with("presentingProblem", file.presentingProblem());
        view.with("outcome", file.outcome());
        Optional<CallerProfile> caller = file.base().callerId().flatMap(callers::find);
        view.with("caller", caller.orElse(null));
        view.with("risk", file.risk().map(r -> riskRow(r)).orElse(null));
        view.with("timeline", timeline(file));
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

    private List<Map<String, Object>> timeline(CaseFile file) {
        return timeline.entries(file).stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", formats.time(e.at()));
            row.put("type", e.type());
            row.put("kind", e.kind());
            row.put("label", e.label());
            row.put("detail", e.detail());
            row.put("who", e.who());
            row.put("wait", e.waitSeconds().map(Formats::duration).orElse(""));
            row.put("talk", e.talkSeconds().map(Formats::duration).orElse(""));
            return row;
        }).toList();
    }
}
