package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey figures from a known set of stored surveys, against values counted by hand. */
class SurveyFiguresTest {

    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22),
            ReportPeriod.Bucket.DAY, ServiceFiguresTest.SHANGHAI);

    @TempDir
    Path dataDir;
    private MongoStore store;
    private final ObjectId wang = new ObjectId(), li = new ObjectId();

    @BeforeEach
    void load() {
        store = TestStores.open(dataDir);
        store.database().getCollection(CollectionNames.COUNSELORS).insertMany(List.of(
                new Document("_id", wang).append("login", "wang.fang").append("displayName", "王芳"),
                new Document("_id", li).append("login", "li.qiang").append("displayName", "李强")));
        String psy = "PSYCHOLOGICAL_SUPPORT", legal = "LEGAL_ADVICE";
        store.database().getCollection(CollectionNames.FOLLOWUPS).insertMany(List.of(
                survey(psy, wang, "2026-11-21T03:00:00Z", "done", answers(5, true), "survey_answered"),
                survey(psy, wang, "2026-11-21T04:00:00Z", "done", answers(3, false), "no_answer", "survey_answered"),
                // a score, then 0 for a counselor before the second question
                survey(legal, li, "2026-11-22T03:00:00Z", "done", answers(4, null), "survey_talk"),
                survey(legal, li, "2026-11-22T04:00:00Z", "unreachable", null, "no_answer", "no_answer"),
                survey(legal, li, "2026-11-22T05:00:00Z", "done", null, "survey_refused"),
                // not called yet: counted as a survey, in no rate
                survey(psy, wang, "2026-11-22T06:00:00Z", "pending", null),
                // left out: cancelled, and first due after the period
                survey(psy, wang, "2026-11-22T07:00:00Z", "cancelled", null),
                survey(psy, wang, "2026-11-25T03:00:00Z", "done", answers(1, false), "survey_answered"),
                // a counselor's follow-up: not a survey (and the only one in the follow-up figures)
                survey(psy, wang, "2026-11-21T05:00:00Z", "done", null, "reached").append("mode", "counselor_call")
                        .append("dueAt", Date.from(Instant.parse("2026-11-21T05:00:00Z")))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Document answers(Integer score, Boolean solved) {
        return new Document("satisfaction", score).append("solved", solved).append("at", new Date());
    }

    private static Document survey(String category, ObjectId counselor, String firstDue, String status,
                                   Document answers, String... outcomes) {
        Date due = Date.from(Instant.parse(firstDue));
        List<Document> attempts = new ArrayList<>();
        for (String o : outcomes) {
            attempts.add(new Document("at", due).append("outcome", o).append("counted", true));
        }
        Document d = new Document("_id", new ObjectId()).append("mode", "survey").append("status", status)
                .append("category", category).append("assignee", counselor.toHexString()).append("firstDueAt", due)
                .append("dueAt", due).append("attempts", attempts).append("attemptsMade", attempts.size());
        return answers == null ? d : d.append("survey", answers);
    }

    @Test
    void ratesCountOnlyTheAnswersAndEveryOtherEndIsShown() {
        SurveyFigures.Result r = new SurveyFigures(store).figures(PERIOD);
        assertEquals(new SurveyRow("", 6, 5, 3, 1, 1, 1, 3, 2, 12, 2, 1), r.total());
        assertEquals(66.7, r.total().satisfactionRate(), "2 of 3 scores are 4 or 5: the 3 unanswered are not zeros");
        assertEquals(4.0, r.total().meanScore());
        assertEquals(50.0, r.total().solvedRate(), "1 of the 2 who answered 'solved?'");
    }

    @Test
    void byCategoryAndByCounselorWithTheirN() {
        SurveyFigures.Result r = new SurveyFigures(store).figures(PERIOD);
        SurveyRow legal = new SurveyRow("LEGAL_ADVICE", 3, 3, 1, 1, 1, 1, 1, 1, 4, 0, 0);
        SurveyRow psy = new SurveyRow("PSYCHOLOGICAL_SUPPORT", 3, 2, 2, 0, 0, 0, 2, 1, 8, 2, 1);
        assertEquals(List.of(legal, psy), r.byCategory());
        assertNull(legal.solvedRate(), "nobody answered 'solved?': no rate, not 0 %");
        assertEquals(100.0, legal.satisfactionRate());
        assertEquals(List.of(legal.named("李强"), psy.named("王芳")), r.byCounselor());
    }

    @Test
    void surveysAreLeftOutOfTheFollowUpFigures() {
        assertEquals(1, new FollowUpFigures(store, Clock.systemUTC()).figures(PERIOD).due());
    }

    @Test
    void theCsvHasTheTotalThenEachCategoryAndCounselor() {
        Report report = new Reports(store, new ReportSettings(5, 20), Clock.systemUTC()).report(PERIOD);
        ReportTexts texts = new ReportTexts(org.carehotline.config.BundledFiles.templates(java.util.Optional.empty()));
        byte[] bytes = ReportCsv.table(report, "surveys", key -> texts.text("zh", key)).bytes();
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "维度,分组,回访,已拨打,已作答,未联系上,拒绝回访,转人工,打分人数 (n),满意（4–5 分）,满意率 %,平均分,"
                        + "回答是否解决 (n),已解决,解决率 %",
                "合计,,6,5,3,1,1,1,3,2,66.7,4.0,2,1,50.0",
                "类别,法律咨询,3,3,1,1,1,1,1,1,100.0,4.0,0,0,",
                "类别,心理关爱,3,2,2,0,0,0,2,1,50.0,4.0,2,1,50.0",
                "咨询员,李强,3,3,1,1,1,1,1,1,100.0,4.0,0,0,",
                "咨询员,王芳,3,2,2,0,0,0,2,1,50.0,4.0,2,1,50.0"), lines);
        byte[] english = ReportCsv.table(report, "surveys", key -> texts.text("en", key)).bytes();
        assertEquals("Total,,6,5,3,1,1,1,3,2,66.7,4.0,2,1,50.0",
                new String(english, 3, english.length - 3, StandardCharsets.UTF_8).lines().skip(1).findFirst()
                        .orElseThrow());
    }
}
