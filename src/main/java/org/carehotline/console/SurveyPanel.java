package org.carehotline.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CaseFile;
import org.carehotline.followups.Attempt;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.Mode;
import org.carehotline.followups.SurveyAnswers;
import org.carehotline.followups.Surveys;

/**
 * The case page's satisfaction survey ({@code case-survey.ftlh}): the two settings (the worker
 * refuses surveys; a survey allowed on this high-risk case), the case's survey with its answers,
 * and a timeline entry with the answers once given. Blocking.
 */
final class SurveyPanel implements CasePanel {

    private final Surveys surveys;
    private final FollowUpRepository followUps;
    private final Formats formats;

    SurveyPanel(Surveys surveys, FollowUpRepository followUps, Formats formats) {
        this.surveys = surveys;
        this.followUps = followUps;
        this.formats = formats;
    }

    @Override
    public void addTo(Reply.View view, CaseFile file) {
        Surveys.Settings s = surveys.settings(file.base().id(), file.base().callerId());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("enabled", s.enabled());
        model.put("refuses", s.workerRefuses());
        model.put("allowed", s.allowedDespiteRisk());
        model.put("anonymous", file.base().callerId().isEmpty());
        List<Map<String, String>> rows = new ArrayList<>();
        for (FollowUp f : surveysOf(file)) {
            SurveyAnswers a = surveys.answersOf(f.id());
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", f.id());
            row.put("status", f.status());
            row.put("due", formats.time(f.dueAt()));
            row.put("satisfaction", a.satisfaction().map(String::valueOf).orElse(""));
            row.put("solved", a.solved().map(x -> x ? "yes" : "no").orElse(""));
            row.put("outcome", f.attempts().isEmpty() ? "" : f.attempts().get(f.attempts().size() - 1).outcome().code());
            rows.add(row);
        }
        model.put("rows", rows);
        view.with("survey", model);
    }

    @Override
    public List<Item> timeline(CaseFile file) {
        List<Item> items = new ArrayList<>();
        for (FollowUp f : surveysOf(file)) {
            SurveyAnswers a = surveys.answersOf(f.id());
            if (!a.any() || f.attempts().isEmpty()) {
                continue;
            }
            Attempt last = f.attempts().get(f.attempts().size() - 1);
            String solved = a.solved().map(x -> x ? "yes" : "no").orElse("unanswered");
            items.add(new Item(last.at(), "survey", "survey", "surveyTimeline.solved." + solved,
                    a.satisfaction().map(x -> x + " / 5").orElse("—"), ""));
        }
        return items;
    }

    private List<FollowUp> surveysOf(CaseFile file) {
        return followUps.forCase(file.base().id()).stream().filter(f -> f.mode() == Mode.SURVEY).toList();
    }
}
