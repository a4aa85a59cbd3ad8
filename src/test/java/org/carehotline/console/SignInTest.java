package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.Credentials;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, session cookie, CSRF, lockout and role checks over plain HTTP against the whole server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {

    @TempDir
    static Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private RunningHotline hotline;

    @BeforeAll
    void start() throws Exception {
        hotline = RunningHotline.start(dataDir, clock, Map.of());
    }

    @AfterAll
    void stop() {
        hotline.close();
    }

    private ConsoleClient client() {
        return new ConsoleClient(hotline.httpPort());
    }

    @Test
    void signingInGivesAnHttpOnlyStrictSessionAndTheDesk() throws Exception {
        ConsoleClient client = client();
        HttpResponse<String> anonymous = client.get("/");
        assertEquals(303, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("location").orElse("").startsWith("/login"));

        HttpResponse<String> stream = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + hotline.httpPort() + "/events"))
                .header("accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, stream.statusCode(), "no live events without a session (and no endless retries)");

        String cookie = anonymous.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("hotline.session="), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);

        HttpResponse<String> signedIn = client.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> desk = client.get("/");
        assertEquals(200, desk.statusCode());
        assertTrue(desk.body().contains("王芳"), "the desk names who is signed in");
        assertTrue(desk.body().contains("我的状态"), "a counselor sees their status");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        ConsoleClient client = client();
        client.signIn("li.wei", AccountBootstrap.DEMO_PASSWORD);
        HttpResponse<String> withoutToken = client.post("/status", Map.of("action", "offline"));
        assertEquals(403, withoutToken.statusCode());
        HttpResponse<String> wrongToken = client.post("/status", Map.of("action", "offline", "_csrf", "forged"));
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> loginWithoutToken = client().post("/login",
                Map.of("login", "li.wei", "password", AccountBootstrap.DEMO_PASSWORD));
        assertEquals(403, loginWithoutToken.statusCode(), "even the sign-in form needs its token");
        assertTrue(!loginWithoutToken.body().contains(AccountBootstrap.DEMO_PASSWORD), "a password is never echoed");

        // nothing typed is lost: the refusal is the error page in the layout, with the text sent shown back
        String note = "司机说他已经三天没睡，想回家看母亲。".repeat(20);
        HttpResponse<String> expired = client.post("/cases/000000000000000000000000/notes",
                Map.of("_csrf", "expired-token", "text", note));
        assertEquals(403, expired.statusCode());
        assertTrue(expired.body().contains("id=\"error-page\"") && expired.body().contains("data-code=\"csrf\""),
                expired.body());
        assertTrue(expired.body().contains("<textarea id=\"submitted-text\"") && expired.body().contains(note),
                "the note comes back to be copied");
        assertTrue(expired.body().contains("表单已过期"), "in Chinese first");
        String liWei = hotline.counselorId("li.wei");
        assertTrue(hotline.app.router().snapshot().stream().filter(s -> s.counselor().id().equals(liWei))
                .findFirst().orElseThrow().console().signedIn(), "the refused posts did not sign li.wei out");
    }

    @Test
    void aCounselorSetsTheirStatusAndRoutingFollows() throws Exception {
        ConsoleClient client = client();
        client.signIn("zhao.lawyer", AccountBootstrap.DEMO_PASSWORD);
        String id = hotline.counselorId("zhao.lawyer");
        hotline.app.router().deviceStateChanged("PJSIP/6004", org.carehotline.routing.DeviceState.NOT_INUSE);
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(id));

        String token = client.csrf("/");
        assertEquals(303, client.post("/status", Map.of("_csrf", token, "action", "pause", "reason", "meal"))
                .statusCode());
        assertEquals(PresenceState.PAUSED, hotline.app.router().states().get(id));
        HttpResponse<String> desk = client.get("/");
        assertTrue(desk.body().contains("暂停") && desk.body().contains("用餐"), "the desk shows the pause and its reason");

        client.post("/status", Map.of("_csrf", token, "action", "offline"));
        assertEquals(PresenceState.OFFLINE, hotline.app.router().states().get(id));
        client.post("/status", Map.of("_csrf", token, "action", "available"));
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(id));

        ConsoleClient supervisor = client();
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, supervisor.post("/status", Map.of("_csrf", supervisor.csrf("/"), "action", "offline"))
                .statusCode(), "only people who take calls have a status");
        assertEquals(PresenceState.AVAILABLE, hotline.app.router().states().get(id));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountInTheDatabase() throws Exception {
        ConsoleClient client = client();
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, client.signIn("chen.jing", "wrong-" + i).statusCode());
        }
        HttpResponse<String> fifth = client.signIn("chen.jing", "wrong-5");
        assertEquals(423, fifth.statusCode());
        assertTrue(fifth.body().contains("锁定"), fifth.body());
        HttpResponse<String> rightButLocked = client.signIn("chen.jing", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(423, rightButLocked.statusCode(), "the right password does not open a locked account");
        assertTrue(new Credentials(hotline.app.store()).find("chen.jing").orElseThrow().lockedAt(clock.instant()),
                "the lock is stored on the account, so it survives a restart");

        clock.advance(Credentials.LOCK_TIME.plusSeconds(1));
        assertEquals(303, client.signIn("chen.jing", AccountBootstrap.DEMO_PASSWORD).statusCode(),
                "after fifteen minutes the account opens again");
    }

    @Test
    void rolesGuardPagesAndSignOutEndsTheSession() throws Exception {
        ConsoleClient counselor = client();
        counselor.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, counselor.get("/board").statusCode(), "the full board is for supervisors");
        assertEquals(403, counselor.get("/audit").statusCode(), "the audit log is for administrators");

        ConsoleClient admin = client();
        admin.signIn("admin", "admin-pw-1");
        HttpResponse<String> audit = admin.get("/audit");
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().contains("signin"), "sign-ins are audited");
        assertTrue(audit.body().contains("127.0.0.1"), "with the address they came from");

        String token = counselor.csrf("/");
        assertEquals(303, counselor.post("/logout", Map.of("_csrf", token)).statusCode());
        assertEquals(303, counselor.get("/").statusCode(), "signed out: back to the sign-in page");
        assertFalse(counselor.get("/login").body().contains("王芳"));
    }
}
