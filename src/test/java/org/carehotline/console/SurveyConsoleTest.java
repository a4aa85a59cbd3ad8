package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.SurveyConsent;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Mode;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The survey in the console, over HTTP: closing a case schedules it, the case page's settings, the answers on the timeline. */
class SurveyConsoleTest {

    private static final String WORKER = "13600007777";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    private List<FollowUp> surveys(RunningHotline hotline, CareCase c) {
        return hotline.followUps().forCase(c.id()).stream().filter(f -> f.mode() == Mode.SURVEY).toList();
    }

    @Test
    void closingACaseSchedulesTheSurveyAndTheWorkersRefusalCallsItOff() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z"); // 10:00 in Shanghai
        RunningHotline hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"), "--surveys.enabled=true");
        Calls.answered(hotline, WORKER);
        CareCase c = hotline.cases().recent(1).get(0);
        String page = "/cases/" + c.id();
        ConsoleClient wang = new ConsoleClient(hotline.httpPort());
        wang.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
        String token = wang.csrf(page);

        assertEquals(303, wang.post(page + "/status", Map.of("_csrf", token, "action", "close", "note", "工资已追回"))
                .statusCode());
        List<FollowUp> scheduled = surveys(hotline, c);
        assertEquals(1, scheduled.size(), "closing the case scheduled its survey");
        FollowUp survey = scheduled.get(0);
        assertEquals(clock.instant().plus(Duration.ofHours(48)), survey.dueAt(), "surveys.delay-hours, in the window");
        assertEquals(hotline.counselorId("wang.fang"), survey.assignee(), "about the counselor of the case");
        assertTrue(wang.get(page).body().contains("id=\"survey-" + survey.id() + "\""), "shown on the case page");

        assertEquals(303, wang.post(page + "/survey", Map.of("_csrf", token, "refuses", "on")).statusCode());
        assertTrue(new SurveyConsent(hotline.app.store()).refuses(c.callerId().orElseThrow()));
        assertEquals(FollowUpStatus.CANCELLED, hotline.followUps().findById(survey.id()).orElseThrow().status(),
                "the waiting survey was called off");
        assertTrue(wang.get(page).body().contains("id=\"survey-refuses\" checked"));
    }

    @Test
    void theAnswersAreOnTheCaseTimeline() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z");
        RunningHotline hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"), "--surveys.enabled=true");
        Calls.answered(hotline, WORKER);
        CareCase c = hotline.cases().recent(1).get(0);
        ConsoleClient wang = new ConsoleClient(hotline.httpPort());
        wang.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
        String page = "/cases/" + c.id();
        String token = wang.csrf(page);
        wang.post(page + "/status", Map.of("_csrf", token, "action", "close", "note", "已解决"));
        FollowUp survey = surveys(hotline, c).get(0);
        String before = wang.get(page).body();
        assertFalse(before.contains("满意度 · 问题已解决"));
        // what the survey script stores once the worker answered 4 and "solved"
        hotline.app.store().database().getCollection(CollectionNames.FOLLOWUPS).updateOne(
                new Document("_id", new ObjectId(survey.id())), new Document("$set", new Document("status", "done")
                        .append("survey", new Document("satisfaction", 4).append("solved", true))
                        .append("attempts", List.of(new Document("at", Date.from(clock.instant().plus(Duration.ofDays(2))))
                                .append("outcome", "survey_answered").append("counted", true)))));
        String body = wang.get(page).body();
        String timeline = body.substring(body.indexOf("id=\"timeline\""), body.indexOf("class=\"case-side\""));
        assertTrue(timeline.contains("满意度回访 · 满意度 · 问题已解决"), timeline);
        assertTrue(timeline.contains("4 / 5"), timeline);
        assertTrue(body.contains("class=\"survey-satisfaction\">4 / 5"), "and in the survey panel");
    }
}
