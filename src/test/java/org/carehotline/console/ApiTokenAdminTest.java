package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API token page over HTTP: administrators only; a new token is shown once, works, and stops on revoke. */
class ApiTokenAdminTest {

    private static final Pattern SECRET = Pattern.compile("id=\"issued-secret\"[^>]*>(cht_[A-Za-z0-9_-]+)<");
    private static final Pattern REVOKE = Pattern.compile("action=\"(/admin/api-tokens/[0-9a-f]+/revoke)\"");

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    private static int board(RunningHotline hotline, String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + hotline.httpPort() + "/api/v1/board")).header("authorization", "Bearer " + secret).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void onlyAdministratorsReachThePage() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-23T02:00:00Z"), Map.of());
        for (String login : List.of("wang.fang", "sun.supervisor", "zhang.union")) {
            ConsoleClient user = new ConsoleClient(hotline.httpPort());
            user.signIn(login, AccountBootstrap.DEMO_PASSWORD);
            assertEquals(403, user.get("/admin/api-tokens").statusCode(), login);
            assertEquals(403, user.post("/admin/api-tokens", Map.of("_csrf", user.csrf("/"), "name", "x",
                    "scopes", "board:read")).statusCode(), login);
        }
        assertEquals(303, new ConsoleClient(hotline.httpPort()).get("/admin/api-tokens").statusCode(),
                "signed out: to the sign-in page");
        assertEquals(0, hotline.app.store().database().getCollection(CollectionNames.API_TOKENS).countDocuments());
    }

    @Test
    void anAdministratorCreatesATokenSeenOnceThatWorksUntilRevoked() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-23T02:00:00Z"), Map.of());
        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");
        String csrf = admin.csrf("/admin/api-tokens");

        HttpResponse<String> refused = admin.post("/admin/api-tokens", Map.of("_csrf", csrf, "name", "",
                "scopes", "everything:write"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"error-token-name\""), "message next to the name");
        assertTrue(refused.body().contains("id=\"error-token-scopes\""), "message next to the scopes");
        assertEquals(0, hotline.app.store().database().getCollection(CollectionNames.API_TOKENS).countDocuments());

        Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", csrf, "name", "工会OA", "scopes", "board:read"));
        HttpResponse<String> created = admin.post("/admin/api-tokens", form);
        assertEquals(201, created.statusCode());
        assertEquals("no-store", created.headers().firstValue("cache-control").orElse(""));
        Matcher m = SECRET.matcher(created.body());
        assertTrue(m.find(), "the secret is shown: " + created.body());
        String secret = m.group(1);
        assertEquals(200, board(hotline, secret), "the token works at once");
        assertEquals(422, admin.post("/admin/api-tokens", form).statusCode(), "a second active token of that name");

        HttpResponse<String> list = admin.get("/admin/api-tokens");
        assertFalse(list.body().contains(secret), "shown once: never on the list");
        assertTrue(list.body().contains("工会OA") && list.body().contains("board:read"));
        assertFalse(list.body().contains("从未使用"), "its use is on the list");
        Document stored = hotline.app.store().database().getCollection(CollectionNames.API_TOKENS).find().first();
        assertFalse(stored.toJson().contains(secret.substring(4)), "stored as a hash: " + stored.toJson());

        Matcher revoke = REVOKE.matcher(list.body());
        assertTrue(revoke.find());
        HttpResponse<String> revoked = admin.post(revoke.group(1), Map.of("_csrf", csrf));
        assertEquals(303, revoked.statusCode());
        assertEquals(401, board(hotline, secret), "refused from the next request on");
        String after = admin.get("/admin/api-tokens").body();
        assertTrue(after.contains("已吊销于"), "the list says so");
        assertFalse(REVOKE.matcher(after).find(), "no revoke button for a revoked token");
        assertEquals(404, admin.post("/admin/api-tokens/0123456789abcdef01234567/revoke", Map.of("_csrf", csrf))
                .statusCode());

        RunningHotline.awaitCondition("the audit entries", () -> new org.carehotline.audit.AuditLog(
                hotline.app.store()).recent(1, 50).stream().map(e -> e.action()).toList()
                .containsAll(List.of("apitoken.create", "apitoken.revoke", "api.request")));
    }
}
