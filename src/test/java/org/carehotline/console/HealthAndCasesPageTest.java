package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.counselors.Role;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthAndCasesPageTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hotline.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsStoreAgiAndAmiAndDegradesWhenAsteriskIsGone() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of());

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
    void theCaseListNeedsASignInAndMasksNumbersForReferrers() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of());
        FakeAgiCall call = FakeAgiCall.to(hotline.agiPort).script("inbound").callerId("13812345678").connect();
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.hangup();
        call.respondUntilClosed();
        new CounselorRepository(hotline.app.store()).save(new Counselor(null, "union.staff", "工会干事",
                Set.of(Role.REFERRER), "", Map.of(), List.of(), true), new PasswordHasher().hash("referrer-pw"));

        HttpResponse<String> anonymous = get("/cases");
        assertEquals(303, anonymous.statusCode(), "no case list without signing in");

        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        HttpResponse<String> zh = supervisor.get("/cases");
        assertEquals(200, zh.statusCode());
        assertTrue(zh.body().contains("HL-2026-000001"));
        assertTrue(zh.body().contains("13812345678"), "a supervisor sees the number");
        assertTrue(supervisor.get("/cases?lang=en").body().contains("Cases"));

        ConsoleClient referrer = new ConsoleClient(hotline.httpPort());
        referrer.signIn("union.staff", "referrer-pw");
        HttpResponse<String> masked = referrer.get("/cases?phone=13812345678");
        assertEquals(200, masked.statusCode());
        assertTrue(masked.body().contains("138****5678"), "a referrer can check that a worker has a case");
        assertFalse(masked.body().replace("value=\"13812345678\"", "").contains("13812345678"),
                "a referrer never gets the number back (only what they typed)");
        assertEquals(403, referrer.get("/cases/" + hotline.cases().recent(1).get(0).id()).statusCode(),
                "referrers read no case files");
    }
}
