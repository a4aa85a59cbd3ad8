package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseStatus;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The case timeline and the named status actions, over HTTP against the whole server. */
class CaseTimelineTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void callsVisitsNotesStatusChangesAndFollowUpsComeInTimeOrder() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T01:00:00Z");
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        Calls.answered(hotline, "13600006666");
        CareCase c = hotline.cases().recent(1).get(0);
        String page = "/cases/" + c.id();
        ConsoleClient wang = new ConsoleClient(hotline.httpPort());
        wang.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
        String token = wang.csrf(page);

        clock.advance(Duration.ofHours(1));
        HttpResponse<String> badKind = wang.post(page + "/visits", Map.of("_csrf", token, "kind", "party",
                "summary", "x"));
        assertEquals(422, badKind.statusCode());
        assertTrue(badKind.body().contains("id=\"error-visit-kind\""), "the message sits next to the field");
        assertEquals(1, hotline.cases().findById(c.id()).orElseThrow().contactCount(), "nothing saved");
        assertEquals(303, wang.post(page + "/visits", Map.of("_csrf", token, "kind", "home_visit",
                "summary", "送去米面油，和母亲视频通话")).statusCode());
        assertEquals(2, hotline.cases().findById(c.id()).orElseThrow().contactCount());

        clock.advance(Duration.ofHours(1));
        wang.post(page + "/notes", Map.of("_csrf", token, "text", "情绪稳定了一些"));
        hotline.followUps().requestCallback(c.id(), "13600006666", "", clock.instant().plus(Duration.ofDays(1)));
        clock.advance(Duration.ofHours(1));
        assertEquals(303, wang.post(page + "/status", Map.of("_csrf", token, "action", "close", "note", "家人团聚"))
                .statusCode());
        assertEquals(CaseStatus.CLOSED, hotline.cases().findById(c.id()).orElseThrow().status());
        assertEquals(422, wang.post(page + "/status", Map.of("_csrf", token, "action", "close", "note", "again"))
                .statusCode(), "a closed case cannot be closed again");
        clock.advance(Duration.ofMinutes(10));
        wang.post(page + "/status", Map.of("_csrf", token, "action", "reopen", "note", "又来电了"));
        assertEquals(CaseStatus.ACTIVE, hotline.cases().findById(c.id()).orElseThrow().status());

        ConsoleClient liWei = new ConsoleClient(hotline.httpPort());
        liWei.signIn("li.wei", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, liWei.get(page).statusCode(), "not li.wei's case yet");
        assertEquals(403, wang.post(page + "/assign", Map.of("_csrf", token, "counselor", hotline.counselorId("li.wei")))
                .statusCode(), "counselors do not assign");
        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(303, supervisor.post(page + "/assign", Map.of("_csrf", supervisor.csrf(page),
                "counselor", hotline.counselorId("li.wei"))).statusCode());
        assertEquals(200, liWei.get(page).statusCode(), "assigned: now li.wei may open it");
        assertEquals(200, wang.get(page).statusCode(), "and wang.fang, who answered a call on it, still may");

        String body = wang.get(page).body();
        // newest first, each entry's own texts in their order
        List<String> inOrder = List.of("回访", "转派给", "李伟", "又来电了", "已结案", "家人团聚", "情绪稳定了一些", "家访",
                "来电 · 已接听");
        int at = body.indexOf("id=\"timeline\"");
        for (String entry : inOrder) {
            int next = body.indexOf(entry, at);
            assertTrue(next > at, entry + " after the previous entry in:\n" + body.substring(body.indexOf("id=\"timeline\"")));
            at = next;
        }
    }
}
