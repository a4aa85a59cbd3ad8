package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthAndCasesPageTest {

    @TempDir
    Path dataDir;
    private RunningHotline hotline;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsStoreAgiAndAmiAndDegradesWhenAsteriskIsGone() throws Exception {
        hotline = RunningHotline.start(dataDir, MutableClock.at("2026-11-22T08:00:00Z"), Map.of());

        HttpResponse<String> up = get("/health");
        JsonObject body = new JsonObject(up.body());
        assertEquals(200, up.statusCode());
        assertEquals("UP", body.getString("status"), up.body());
        assertTrue(body.getJsonObject("store").getBoolean("up"));
        assertTrue(body.getJsonObject("agi").getBoolean("listening"));
        assertEquals("CONNECTED", body.getJsonObject("ami").getString("state"));

        hotline.ami.close();
        RunningHotline.awaitCondition("AMI down", () -> !"CONNECTED".equals(hotline.app.ami().status().state()));
        HttpResponse<String> degraded = get("/health");
        assertEquals(200, degraded.statusCode(), "calls still reach the AGI server without AMI");
        assertEquals("DEGRADED", new JsonObject(degraded.body()).getString("status"));
    }

    @Test
    void casesPageListsCasesWithTheirContactsMaskedAndEscaped() throws Exception {
        hotline = RunningHotline.start(dataDir, MutableClock.at("2026-11-22T08:00:00Z"), Map.of());
        FakeAgiCall call = FakeAgiCall.to(hotline.agiPort).script("inbound").callerId("13812345678").connect();
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.hangup();
        call.respondUntilClosed();

        HttpResponse<String> zh = get("/cases");
        assertEquals(200, zh.statusCode());
        assertTrue(zh.body().contains("最近的个案"), "Chinese first");
        assertTrue(zh.body().contains("HL-2026-000001"));
        assertTrue(zh.body().contains("138****5678"), "the number is masked");
        assertFalse(zh.body().contains("13812345678"), "the full number never reaches the page");
        assertTrue(zh.body().contains("来电者挂断"), "the contact's outcome is shown");

        HttpResponse<String> en = get("/cases?lang=en");
        assertTrue(en.body().contains("Recent cases"));
        assertTrue(en.body().contains("Abandoned"));
    }
}
