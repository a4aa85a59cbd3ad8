package org.carehotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carehotline.cases.Category;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.QueueTicket;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics} over HTTP: the token's guard, and the line's figures as the router and links have them. */
class MetricsEndpointTest {

    private static final String TOKEN = "scrape-me-7f3a";

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutATokenConfiguredThereIsNoEndpoint() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of());
        assertEquals(404, get(hotline, "Bearer anything").statusCode());
    }

    @Test
    void aScraperWithoutTheRightTokenIsRefused() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of(),
                "--metrics.token=" + TOKEN);
        HttpResponse<String> none = get(hotline, null);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"metrics\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, get(hotline, "Bearer " + TOKEN + "x").statusCode());
        assertEquals(401, get(hotline, TOKEN).statusCode(), "the token without the Bearer scheme");
    }

    @Test
    void theScrapeShowsCounselorsWaitingCallsRoutingLinksStoreAndJvm() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"),
                Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "INUSE"), "--metrics.token=" + TOKEN);
        // nobody takes legal advice: that caller waits; a psychological caller gets 6001 at once
        QueueTicket legal = hotline.app.router().enqueue("call-legal", "PJSIP/hotline-trunk-00000001",
                CallNeeds.of(Category.LEGAL_ADVICE));
        QueueTicket psych = hotline.app.router().enqueue("call-psych", "PJSIP/hotline-trunk-00000002",
                CallNeeds.of(Category.PSYCHOLOGICAL_SUPPORT));
        assertTrue(psych.awaitOffer(Duration.ofSeconds(5)).isPresent(), "6001 is offered the psychological caller");

        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scrape = get(hotline, "Bearer " + TOKEN);
        assertEquals(200, scrape.statusCode());
        assertEquals(MetricsEndpoint.CONTENT_TYPE, scrape.headers().firstValue("content-type").orElse(""));
        String body = scrape.body();
        long waitingLegal = hotline.app.router().waitingCalls().stream()
                .filter(c -> c.needs().category() == Category.LEGAL_ADVICE).count();
        assertEquals(waitingLegal, value(body, "hotline_calls_waiting{category=\"legal_advice\",urgent=\"false\"}"),
                "the legal caller " + legal.callId() + " waits");
        assertEquals(1, waitingLegal);
        assertEquals(0, value(body, "hotline_calls_waiting{category=\"psychological_support\",urgent=\"false\"}"));
        var states = hotline.app.router().states().values();
        for (String state : new String[] {"ringing", "on_call", "available", "offline"}) {
            long expected = states.stream().filter(s -> s.name().toLowerCase().equals(state)).count();
            assertEquals(expected, value(body, "hotline_counselors{state=\"" + state + "\"}"), state + ": " + states);
        }
        assertTrue(value(body, "hotline_counselors{state=\"ringing\"}") >= 1, "6001 rings for the psychological caller");
        assertEquals(1, value(body, "hotline_routing_decision_seconds_count"), "one pass made an offer");
        assertEquals(1, value(body, "hotline_routing_wakeup_seconds_count"), "one session took its offer");
        assertEquals(1, value(body, "hotline_ami_connected"));
        assertTrue(value(body, "hotline_ami_logins_total") >= 1);
        assertEquals(0, value(body, "hotline_agi_sessions_active"), "no AGI session in this test");
        assertTrue(body.contains("mongodb_driver_commands_seconds_count{"), "store commands are timed");
        assertTrue(body.contains("status=\"SUCCESS\""), "with their outcome");
        assertTrue(body.contains("hotline_followups{state=\"due\"}"));
        assertTrue(body.contains("jvm_memory_used_bytes{"));
        assertTrue(body.contains("vertx_http_server_requests_total{"), "Vert.x's own metrics: " + excerpt(body, "vertx_http"));
    }

    private HttpResponse<String> get(RunningHotline hotline, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hotline.httpPort() + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one sample line, {@code name{labels} value}. */
    private static double value(String body, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no sample " + sample + " in:\n" + excerpt(body, sample.split("[{ ]")[0]));
        }
        return Double.parseDouble(m.group(1));
    }

    private static String excerpt(String body, String prefix) {
        return body.lines().filter(l -> l.startsWith(prefix)).limit(20).reduce("", (a, b) -> a + b + "\n");
    }
}
