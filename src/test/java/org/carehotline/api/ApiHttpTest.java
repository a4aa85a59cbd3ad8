package org.carehotline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The integration API over HTTP against the whole server: each route with a token that has its
 * scope, every token and scope refusal, the audit entry of every use, and the token kept only
 * as a hash.
 */
class ApiHttpTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    /** 10:00 in Shanghai: inside the default calling window, so a referral's follow-up is due at once. */
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");

    private RunningHotline start(String... args) throws Exception {
        return servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"), args);
    }

    private static String token(RunningHotline hotline, String name, Scope... scopes) {
        return new ApiTokens(hotline.app.store(), hotline.clock).create(name, Set.of(scopes), "admin").secret();
    }

    @Test
    void aReferralBecomesACaseWhoseTimelineDueFollowUpAndBoardTheApiReads() throws Exception {
        RunningHotline hotline = start();
        String secret = token(hotline, "union-oa", Scope.values());
        ApiCalls api = new ApiCalls(hotline.httpPort());

        HttpResponse<String> created = api.postJson("/api/v1/referrals", secret, new JsonObject()
                .put("referrer", "张干事").put("workerPhone", "+86 139-0000-0301")
                .put("situation", "高速封路两周，联系不上家人").put("urgency", "HIGH"));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonObject referral = new JsonObject(created.body());
        String number = referral.getString("caseNumber");
        assertFalse(number.isEmpty());
        assertEquals("139****0301", referral.getString("workerPhone"), "the number comes back masked");
        assertEquals("2026-11-23T02:00:00Z", referral.getString("followUpDueAt"), "due now, as a console referral");
        assertEquals("/api/v1/cases/" + number, referral.getString("case"));
        assertEquals("HIGH", referral.getString("urgency"));
        assertTrue(hotline.followUps().findById(referral.getString("followUpId")).orElseThrow().highRisk(),
                "the referral service made it: high urgency is high-risk");

        HttpResponse<String> read = api.get("/api/v1/cases/" + number, secret);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject file = new JsonObject(read.body());
        assertEquals(number, file.getString("number"));
        assertEquals("OPEN", file.getString("status"));
        assertEquals("139****0301", file.getString("phone"));
        JsonArray timeline = file.getJsonArray("timeline");
        List<String> types = timeline.stream().map(e -> ((JsonObject) e).getString("type")).toList();
        assertTrue(types.contains("followup") && types.contains("status"), "the case page's timeline: " + types);
        JsonObject followUp = timeline.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("type").equals("followup")).findFirst().orElseThrow();
        assertEquals("referral", followUp.getString("detail"));
        assertEquals("2026-11-23T02:00:00Z", followUp.getString("at"));

        HttpResponse<String> due = api.get("/api/v1/followups/due", secret);
        assertEquals(200, due.statusCode(), due.body());
        JsonArray dueNow = new JsonObject(due.body()).getJsonArray("due");
        assertEquals(1, dueNow.size(), due.body());
        assertEquals(number, dueNow.getJsonObject(0).getString("caseNumber"));
        assertEquals("pool", dueNow.getJsonObject(0).getString("assignee"));
        assertEquals(1, new JsonObject(api.get("/api/v1/followups/due?assignee=pool", secret).body())
                .getJsonArray("due").size(), "the pool's list has it too");

        HttpResponse<String> board = api.get("/api/v1/board", secret);
        assertEquals(200, board.statusCode(), board.body());
        JsonObject figures = new JsonObject(board.body()).getJsonObject("figures");
        assertEquals(0L, figures.getLong("calls"), "no call today yet");
        JsonArray counselors = new JsonObject(board.body()).getJsonArray("counselors");
        assertFalse(counselors.isEmpty(), "the demo counselors are on the board");

        RunningHotline.awaitCondition("five audit entries", () -> ApiCalls.auditEntries(hotline.app.store()).size() == 5);
        List<Document> audit = ApiCalls.auditEntries(hotline.app.store());
        assertEquals("api:union-oa", audit.get(0).getString("login"));
        assertEquals("POST /api/v1/referrals", audit.get(0).getString("target"));
        assertEquals(number + " 201", audit.get(0).getString("detail"));
        assertEquals("GET /api/v1/cases/" + number, audit.get(1).getString("target"));
        assertEquals(number + " 200", audit.get(1).getString("detail"));
        assertEquals("GET /api/v1/board", audit.get(4).getString("target"));
        assertEquals("200", audit.get(4).getString("detail"));
    }

    @Test
    void theTokenIsStoredOnlyAsItsHashAndItsLastUseIsRecorded() throws Exception {
        RunningHotline hotline = start();
        String secret = token(hotline, "board-screen", Scope.BOARD_READ);
        assertTrue(secret.startsWith("cht_") && secret.length() >= 4 + 43, "256 random bits: " + secret.length());
        assertEquals(200, new ApiCalls(hotline.httpPort()).get("/api/v1/board", secret).statusCode());

        Document stored = hotline.app.store().database().getCollection(CollectionNames.API_TOKENS).find().first();
        assertNotNull(stored);
        assertEquals(ApiTokens.hash(secret), stored.getString("hash"));
        assertEquals(64, stored.getString("hash").length(), "SHA-256 in hex");
        assertNotNull(stored.getDate("lastUsedAt"), "the use is recorded on the token");
        String secretPart = secret.substring(ApiTokens.PREFIX.length());
        RunningHotline.awaitCondition("the audit entry", () -> !ApiCalls.auditEntries(hotline.app.store()).isEmpty());
        for (String collection : hotline.app.store().database().listCollectionNames()) {
            for (Document d : hotline.app.store().database().getCollection(collection).find()) {
                assertFalse(d.toJson().contains(secretPart), "the secret is in " + collection + ": " + d.toJson());
            }
        }
    }

    @Test
    void eachRouteRefusesATokenWithoutItsScope() throws Exception {
        RunningHotline hotline = start();
        ApiCalls api = new ApiCalls(hotline.httpPort());
        String boardOnly = token(hotline, "wallboard", Scope.BOARD_READ);
        String referralsOnly = token(hotline, "intake", Scope.REFERRALS_WRITE);
        JsonObject referral = new JsonObject().put("referrer", "李干事").put("workerPhone", "13900000302")
                .put("situation", "工伤后家庭矛盾");

        HttpResponse<String> refer = api.postJson("/api/v1/referrals", boardOnly, referral);
        assertEquals(403, refer.statusCode());
        assertEquals("scope_missing", ApiCalls.code(refer));
        assertTrue(refer.body().contains("referrals:write"), "the message names the scope: " + refer.body());
        assertEquals(0, hotline.app.store().database().getCollection(CollectionNames.REFERRALS).countDocuments(),
                "nothing referred");
        for (String path : List.of("/api/v1/cases/2026-0001", "/api/v1/followups/due")) {
            HttpResponse<String> refused = api.get(path, boardOnly);
            assertEquals(403, refused.statusCode(), path);
            assertEquals("scope_missing", ApiCalls.code(refused), path);
        }
        HttpResponse<String> board = api.get("/api/v1/board", referralsOnly);
        assertEquals(403, board.statusCode());
        assertEquals("scope_missing", ApiCalls.code(board));
        assertEquals(201, api.postJson("/api/v1/referrals", referralsOnly, referral).statusCode(),
                "the scope it has works");

        RunningHotline.awaitCondition("five audit entries", () -> ApiCalls.auditEntries(hotline.app.store()).size() == 5);
        Document first = ApiCalls.auditEntries(hotline.app.store()).get(0);
        assertEquals("api:wallboard", first.getString("login"));
        assertEquals("403 scope_missing", first.getString("detail"));
    }

    @Test
    void noTokenAStrangeOneOrARevokedOneIsRefusedWith401() throws Exception {
        RunningHotline hotline = start();
        ApiCalls api = new ApiCalls(hotline.httpPort());
        ApiTokens tokens = new ApiTokens(hotline.app.store(), hotline.clock);
        ApiTokens.Issued issued = tokens.create("old-system", Set.of(Scope.BOARD_READ), "admin");
        assertEquals(200, api.get("/api/v1/board", issued.secret()).statusCode());

        HttpResponse<String> none = api.get("/api/v1/board", null);
        assertEquals(401, none.statusCode());
        assertEquals("token_missing", ApiCalls.code(none));
        assertEquals("Bearer", none.headers().firstValue("www-authenticate").orElse(""));
        HttpResponse<String> unknown = api.get("/api/v1/board", "cht_" + "A".repeat(43));
        assertEquals(401, unknown.statusCode());
        assertEquals("token_invalid", ApiCalls.code(unknown));
        assertTrue(tokens.revoke(issued.token().id()));
        HttpResponse<String> revoked = api.get("/api/v1/board", issued.secret());
        assertEquals(401, revoked.statusCode());
        assertEquals("token_invalid", ApiCalls.code(revoked));
        HttpResponse<String> unknownRoute = api.get("/api/v1/nothing-here", null);
        assertEquals(401, unknownRoute.statusCode(), "no route is told to a caller without a token");

        RunningHotline.awaitCondition("five audit entries", () -> ApiCalls.auditEntries(hotline.app.store()).size() == 5);
        List<Document> audit = ApiCalls.auditEntries(hotline.app.store());
        assertEquals("", audit.get(1).getString("login"), "no token, no name");
        assertEquals("401 token_missing", audit.get(1).getString("detail"));
        assertEquals("401 token_invalid", audit.get(3).getString("detail"));
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterAndOtherTokensGoOn() throws Exception {
        RunningHotline hotline = start("--api.burst=3", "--api.rate-per-minute=1");
        ApiCalls api = new ApiCalls(hotline.httpPort());
        String busy = token(hotline, "busy", Scope.BOARD_READ);
        String quiet = token(hotline, "quiet", Scope.BOARD_READ);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/api/v1/board", busy).statusCode(), "within the burst: " + i);
        }
        HttpResponse<String> limited = api.get("/api/v1/board", busy);
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limited", ApiCalls.code(limited));
        long retryAfter = Long.parseLong(limited.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "one request a minute: " + retryAfter);
        assertEquals(200, api.get("/api/v1/board", quiet).statusCode(), "each token has its own bucket");
        RunningHotline.awaitCondition("five audit entries", () -> ApiCalls.auditEntries(hotline.app.store()).size() == 5);
        assertEquals("429 rate_limited", ApiCalls.auditEntries(hotline.app.store()).get(3).getString("detail"));
    }
}
