package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Mode;
import org.carehotline.followups.Outcome;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Satisfaction-survey figures: the follow-ups of mode {@code survey} first due in the period (a
 * survey falls due {@code surveys.delay-hours} after its case was closed), with the answers kept
 * on each ({@code survey.satisfaction}, {@code survey.solved}); in total, by the case's category
 * and by the counselor the survey is about (the case's owner when it was closed). Surveys are
 * few, so they are read (projected) and counted here. Blocking.
 */
public final class SurveyFigures {

    /** The figures: the total, then a row per category and per counselor (names sorted). */
    public record Result(SurveyRow total, List<SurveyRow> byCategory, List<SurveyRow> byCounselor) {}

    private final MongoCollection<Document> followups;
    private final MongoCollection<Document> counselors;

    public SurveyFigures(MongoStore store) {
        this.followups = ReportCollections.of(store, CollectionNames.FOLLOWUPS);
        this.counselors = ReportCollections.of(store, CollectionNames.COUNSELORS);
    }

    public Result figures(ReportPeriod period) {
        Map<String, String> names = CounselorFigures.names(counselors);
        SurveyRow total = SurveyRow.empty("");
        Map<String, SurveyRow> byCategory = new TreeMap<>();
        Map<String, SurveyRow> byCounselor = new TreeMap<>();
        for (Document f : followups.find(new Document("mode", Mode.SURVEY.code())
                        .append("firstDueAt", CareFigures.range(period))
                        .append("status", new Document("$ne", FollowUpStatus.CANCELLED)))
                .projection(new Document("attempts", 1).append("status", 1).append("survey", 1)
                        .append("category", 1).append("assignee", 1))) {
            SurveyRow one = one(f);
            total = total.plus(one);
            String category = f.getString("category") == null ? "" : f.getString("category");
            byCategory.merge(category, one.named(category), SurveyRow::plus);
            String assignee = String.valueOf(f.getString("assignee"));
            String name = names.getOrDefault(assignee, "");
            byCounselor.merge(name, one.named(name), SurveyRow::plus);
        }
        return new Result(total, new ArrayList<>(byCategory.values()), new ArrayList<>(byCounselor.values()));
    }

    /** One survey as a row of ones and zeros. */
    static SurveyRow one(Document f) {
        List<Document> tries = f.getList("attempts", Document.class, List.of()).stream()
                .filter(a -> !Boolean.FALSE.equals(a.getBoolean("counted"))).toList();
        Document answers = f.get("survey", Document.class);
        Integer score = answers == null ? null : answers.getInteger("satisfaction");
        Boolean solved = answers == null ? null : answers.getBoolean("solved");
        boolean refused = tries.stream().anyMatch(a -> Outcome.SURVEY_REFUSED.code().equals(a.getString("outcome")));
        boolean talked = tries.stream().anyMatch(a -> Outcome.SURVEY_TALK.code().equals(a.getString("outcome")));
        boolean notReached = FollowUpStatus.UNREACHABLE.equals(f.getString("status"));
        return new SurveyRow("", 1, tries.isEmpty() ? 0 : 1, score != null || solved != null ? 1 : 0,
                notReached ? 1 : 0, refused ? 1 : 0, talked ? 1 : 0, score == null ? 0 : 1,
                score != null && score >= 4 ? 1 : 0, score == null ? 0 : score, solved == null ? 0 : 1,
                Boolean.TRUE.equals(solved) ? 1 : 0);
    }
}
