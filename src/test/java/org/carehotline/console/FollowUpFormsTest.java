package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CareCase;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case page's follow-up forms over HTTP against the whole server: checks before anything is
 * saved, the case rule, reschedule and cancel (refused while a scheduler dials), a manual
 * outcome through the retry rule onto the timeline, and the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpFormsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TempDir
    static Path dataDir;
    // Sunday 10:00 in Shanghai
    private final MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z");
    private RunningHotline hotline;
    private ConsoleClient wang;

    @BeforeAll
    void start() throws Exception {
        hotline = RunningHotline.start(dataDir, clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        wang = new ConsoleClient(hotline.httpPort());
        wang.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        hotline.close();
    }

    /** A case wang.fang answered a call on (she owns it). */
    private CareCase answeredCase(String phone) {
        Calls.answered(hotline, phone);
        clock.advance(Duration.ofMinutes(5)); // past the wrap-up
        return hotline.cases().recent(50).stream().filter(c -> c.phone().orElse("").equals(phone)).findFirst()
                .orElseThrow();
    }

    private static String local(Instant at) {
        return INPUT.format(at.atZone(SHANGHAI));
    }

    private HttpResponse<String> post(ConsoleClient client, String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", client.csrf("/"));
        return client.post(path, form);
    }

    private Map<String, String> scheduleForm(String dueAt, String assignee) {
        return new HashMap<>(Map.of("plan", "", "dueAt", dueAt, "assignee", assignee, "mode", "counselor_call",
                "preferred", "", "note", "看看他回家没有"));
    }

    private List<AuditEntry> audit() {
        return new AuditLog(hotline.app.store()).recent(1, 500);
    }

    @Test
    void aWrongFieldGetsItsMessageAndNothingIsSavedThenTheRightFormSchedules() throws Exception {
        CareCase c = answeredCase("13600001001");
        String path = "/cases/" + c.id() + "/followups";
        Map<String, String> badDate = scheduleForm("2026-13-45T99:00", "me");
        HttpResponse<String> r = post(wang, path, badDate);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-followup-dueAt\">时间格式应为"), "the message next to the field");
        assertTrue(r.body().contains("value=\"2026-13-45 99:00\""), "what was typed is kept (as the text field shows it)");

        r = post(wang, path, scheduleForm(local(clock.instant().minus(Duration.ofDays(1))), "me"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-followup-dueAt\">这个时间已经过去"), "yesterday makes no sense");
        r = post(wang, path, scheduleForm(local(clock.instant().plus(Duration.ofDays(400))), "me"));
        assertTrue(r.body().contains("id=\"error-followup-dueAt\">时间不能超过一年以后"));

        r = post(wang, path, scheduleForm(local(clock.instant().plus(Duration.ofDays(1))), "somebody"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-followup-assignee\">选项无效"), "an unknown assignee");
        r = post(wang, path, scheduleForm(local(clock.instant().plus(Duration.ofDays(1))),
                hotline.counselorId("li.wei")));
        assertTrue(r.body().contains("id=\"error-followup-assignee\">这位咨询员无权查看本个案"),
                "a counselor who may not open the case is not given its follow-up");

        Map<String, String> badTimes = scheduleForm(local(clock.instant().plus(Duration.ofDays(1))), "pool");
        badTimes.put("preferred", "lunchtime");
        badTimes.put("mode", "robot");
        r = post(wang, path, badTimes);
        assertTrue(r.body().contains("id=\"error-followup-preferred\">"));
        assertTrue(r.body().contains("id=\"error-followup-mode\">"));
        assertTrue(hotline.followUps().forCase(c.id()).isEmpty(), "nothing half-saved");

        Instant tomorrow = Instant.parse("2026-11-23T02:00:00Z"); // Monday 10:00
        r = post(wang, path, scheduleForm(local(tomorrow), "me"));
        assertEquals(303, r.statusCode());
        assertEquals("/cases/" + c.id() + "#followups", r.headers().firstValue("location").orElseThrow());
        FollowUp saved = hotline.followUps().forCase(c.id()).get(0);
        assertEquals(tomorrow, saved.dueAt());
        assertEquals(hotline.counselorId("wang.fang"), saved.assignee());
        assertEquals("看看他回家没有", saved.reason());

        Map<String, String> plan = scheduleForm("", "pool");
        plan.put("plan", "after-crisis");
        assertEquals(303, post(wang, path, plan).statusCode());
        List<FollowUp> all = hotline.followUps().forCase(c.id());
        assertEquals(4, all.size(), "one call and the plan's three");
        assertEquals(clock.instant().plus(Duration.ofHours(24)), all.stream().filter(f -> f.planId().isPresent())
                .findFirst().orElseThrow().dueAt(), "the plan counts from now when no time is given");
        assertEquals(2, audit().stream().filter(e -> e.action().equals("followup.schedule")
                && e.target().equals(c.number())).count(), "each schedule is audited, refusals are not changes");
    }

    @Test
    void aHighRiskCaseGetsNoAutomatedCheckIn() throws Exception {
        CareCase c = answeredCase("13600001002");
        String page = "/cases/" + c.id();
        assertEquals(303, post(wang, page + "/risk", Map.of("thoughts", "on", "plan", "on", "means", "on",
                "timeframe", "DAYS", "level", "HIGH", "protective", "")).statusCode());
        Map<String, String> checkin = scheduleForm(local(clock.instant().plus(Duration.ofDays(1))), "");
        checkin.put("mode", "checkin");
        checkin.put("plan", "after-crisis");
        HttpResponse<String> r = post(wang, page + "/followups", checkin);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-followup-mode\">高风险个案不能用自动回访"), r.body());
        assertTrue(hotline.followUps().forCase(c.id()).isEmpty(), "no step of the plan was stored");
    }

    @Test
    void aCounselorCannotScheduleOnACaseTheyCannotSeeNorSeeItsFollowUpsInTheLists() throws Exception {
        CareCase c = answeredCase("13600001003");
        ConsoleClient li = new ConsoleClient(hotline.httpPort());
        li.signIn("li.wei", AccountBootstrap.DEMO_PASSWORD);
        HttpResponse<String> r = post(li, "/cases/" + c.id() + "/followups",
                scheduleForm(local(clock.instant().plus(Duration.ofHours(1))), "pool"));
        assertEquals(403, r.statusCode());
        assertTrue(hotline.followUps().forCase(c.id()).isEmpty());

        assertEquals(303, post(wang, "/cases/" + c.id() + "/followups",
                scheduleForm(local(clock.instant()), "pool")).statusCode());
        assertFalse(li.get("/followups?view=pool").body().contains(c.number()), "not li.wei's case");
        assertFalse(li.get("/followups?view=team").body().contains(c.number()));
        assertTrue(wang.get("/followups?view=pool").body().contains(c.number()));
        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        assertTrue(supervisor.get("/followups?view=team").body().contains(c.number()), "supervisors see all");
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("followups.list") && e.login().equals("wang.fang")
                && e.detail().contains(c.number())), "reading the list is audited with the cases shown");
    }

    @Test
    void rescheduleAndCancelWorkOnAWaitingFollowUpAndAreRefusedWhileItIsDialed() throws Exception {
        CareCase c = answeredCase("13600001004");
        String id = hotline.app.followUps().schedule(org.carehotline.followups.ScheduleRequest.at(c.id(),
                clock.instant().plus(Duration.ofDays(1)), "check"));
        String base = "/cases/" + c.id() + "/followups/" + id;

        HttpResponse<String> r = post(wang, base + "/reschedule", Map.of("dueAt", "tomorrow", "assignee", ""));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-reschedule-" + id + "-dueAt\">"));
        Instant later = clock.instant().plus(Duration.ofDays(2));
        assertEquals(303, post(wang, base + "/reschedule", Map.of("dueAt", local(later), "assignee", "pool"))
                .statusCode());
        FollowUp moved = hotline.followUps().findById(id).orElseThrow();
        assertEquals(later.getEpochSecond() / 60, moved.dueAt().getEpochSecond() / 60);
        assertEquals("pool", moved.assignee());

        // another instance's scheduler holds it and is dialing (the same claim, taken by id so that
        // other tests' due follow-ups on this server are not in the way)
        FollowUp claimed = hotline.followUps().claimForManualAttempt(id, "another-instance", clock.instant(),
                clock.instant().plus(Duration.ofMinutes(2))).orElseThrow();
        hotline.followUps().markDialing(claimed.claimToken().orElseThrow(), hotline.counselorId("wang.fang"),
                "0123456789abcdef01234567");
        r = post(wang, base + "/cancel", Map.of("reason", "工人说不用了"));
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("id=\"error-cancel-" + id + "-followup\">这条回访正在拨打中"), "said why");
        assertEquals(409, post(wang, base + "/reschedule", Map.of("dueAt", local(later), "assignee", ""))
                .statusCode());
        assertEquals(FollowUpStatus.CLAIMED, hotline.followUps().findById(id).orElseThrow().status(),
                "the scheduler's call is left alone");

        String other = hotline.app.followUps().schedule(org.carehotline.followups.ScheduleRequest.at(c.id(),
                clock.instant().plus(Duration.ofDays(3)), "check"));
        r = post(wang, "/cases/" + c.id() + "/followups/" + other + "/cancel", Map.of("reason", ""));
        assertTrue(r.body().contains("id=\"error-cancel-" + other + "-reason\">必填"), "a reason is needed");
        assertEquals(303, post(wang, "/cases/" + c.id() + "/followups/" + other + "/cancel",
                Map.of("reason", "工人说不用了")).statusCode());
        assertEquals(FollowUpStatus.CANCELLED, hotline.followUps().findById(other).orElseThrow().status());
        assertEquals(404, post(wang, "/cases/" + answeredCase("13600001005").id() + "/followups/" + other
                + "/cancel", Map.of("reason", "x")).statusCode(), "a follow-up is reached through its own case");
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("followup.cancel") && e.detail().contains(other)));
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("followup.reschedule") && e.detail().contains(id)));
    }

    @Test
    void aManualOutcomeFollowsTheRetryRuleAndIsAContactOnTheTimeline() throws Exception {
        CareCase c = answeredCase("13600001006");
        String id = hotline.app.followUps().schedule(org.carehotline.followups.ScheduleRequest.at(c.id(),
                clock.instant(), "check"));
        String base = "/cases/" + c.id() + "/followups/" + id;
        HttpResponse<String> r = post(wang, base + "/outcome", Map.of("outcome", "counselor_no_answer",
                "talkMinutes", "abc", "note", ""));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"error-outcome-" + id + "-outcome\">"));
        assertTrue(r.body().contains("id=\"error-outcome-" + id + "-talkMinutes\">"));
        assertEquals(0, hotline.followUps().findById(id).orElseThrow().attemptsMade());

        Instant now = clock.instant();
        assertEquals(303, post(wang, base + "/outcome", Map.of("outcome", "no_answer", "talkMinutes", "",
                "note", "用自己手机打了，没人接")).statusCode());
        FollowUp after = hotline.followUps().findById(id).orElseThrow();
        assertEquals(1, after.attemptsMade());
        assertEquals(FollowUpStatus.PENDING, after.status());
        assertEquals(now.plus(Duration.ofHours(2)), after.dueAt(), "no answer: tried again two hours later");

        assertEquals(303, post(wang, base + "/outcome", Map.of("outcome", "reached", "talkMinutes", "12",
                "note", "")).statusCode());
        assertEquals(FollowUpStatus.DONE, hotline.followUps().findById(id).orElseThrow().status());
        String page = wang.get("/cases/" + c.id()).body();
        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        assertTrue(timeline.indexOf("回访（咨询员自行拨打） · 无人接听") > 0, timeline);
        assertTrue(timeline.indexOf("回访（咨询员自行拨打） · 已联系上") > timeline.indexOf("无人接听"), "in order");
        assertTrue(timeline.contains("12m00s"), "the talk time");
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("followup.outcome") && e.detail().contains("reached")));
    }
}
