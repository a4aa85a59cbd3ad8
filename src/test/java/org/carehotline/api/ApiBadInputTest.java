package org.carehotline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.carehotline.store.CollectionNames;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input to the API: each gets its status and error code, names the field to blame, and saves nothing. */
class ApiBadInputTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;
    private ApiCalls api;
    private String secret;

    @BeforeEach
    void start() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-23T02:00:00Z"), Map.of());
        api = new ApiCalls(hotline.httpPort());
        secret = new ApiTokens(hotline.app.store(), hotline.clock).create("union-oa", Set.of(Scope.values()), "admin")
                .secret();
    }

    private static JsonObject referral() {
        return new JsonObject().put("referrer", "张干事").put("workerPhone", "13900000301").put("situation", "需要回访");
    }

    private void assertRefused(HttpResponse<String> response, int status, String code, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertEquals(code, ApiCalls.code(response), response.body());
        if (field != null) {
            assertEquals(field, new JsonObject(response.body()).getString("field"), response.body());
        }
    }

    @Test
    void aBadReferralIsRefusedWithTheFieldAndNothingIsSaved() throws Exception {
        String path = "/api/v1/referrals";
        assertRefused(api.post(path, secret, "application/json", "{\"referrer\": \"张"), 400, "malformed_json", null);
        assertRefused(api.post(path, secret, "application/json", "[1, 2]"), 400, "malformed_json", null);
        assertRefused(api.post(path, secret, "application/json", ""), 400, "malformed_json", null);
        assertRefused(api.postJson(path, secret, referral().put("workerPhone", null)), 400, "missing_field",
                "workerPhone");
        assertRefused(api.postJson(path, secret, referral().put("situation", "   ")), 400, "missing_field",
                "situation");
        assertRefused(api.postJson(path, secret, referral().put("workerPhone", 13900000301L)), 400, "wrong_type",
                "workerPhone");
        assertRefused(api.postJson(path, secret, referral().put("urgency", true)), 400, "wrong_type", "urgency");
        assertRefused(api.postJson(path, secret, referral().put("urgency", "SOON")), 400, "invalid_value", "urgency");
        assertRefused(api.postJson(path, secret, referral().put("workerPhone", "not a number")), 400, "invalid_value",
                "workerPhone");
        assertRefused(api.postJson(path, secret, referral().put("situation", "难".repeat(4001))), 400, "too_long",
                "situation");
        assertRefused(api.post(path, secret, "text/plain", referral().encode()), 415, "unsupported_media_type", null);
        assertRefused(api.post(path, secret, null, referral().encode()), 415, "unsupported_media_type", null);
        String huge = referral().put("situation", "x".repeat(ApiGate.MAX_BODY_BYTES)).encode();
        assertRefused(api.post(path, secret, "application/json", huge), 413, "body_too_large", null);

        assertEquals(0, hotline.app.store().database().getCollection(CollectionNames.REFERRALS).countDocuments());
        assertEquals(0, hotline.app.store().database().getCollection(CollectionNames.CASES).countDocuments());
        assertEquals(0, hotline.app.store().database().getCollection(CollectionNames.FOLLOWUPS).countDocuments());
        assertEquals(201, api.postJson(path, secret, referral().put("urgency", "crisis")).statusCode(),
                "the same body, corrected, goes through (urgency in any case)");
    }

    @Test
    void anUnknownCaseRouteOrParameterIsRefusedWithItsCode() throws Exception {
        assertRefused(api.get("/api/v1/cases/2026-999999", secret), 404, "case_not_found", null);
        assertRefused(api.get("/api/v1/cases/%E4%B8%8D", secret), 404, "case_not_found", null);
        assertRefused(api.get("/api/v1/nothing-here", secret), 404, "not_found", null);
        assertRefused(api.get("/api/v1/referrals", secret), 404, "not_found", null);
        assertRefused(api.get("/api/v1/followups/due?assignee=someone", secret), 400, "invalid_value", "assignee");
        RunningHotline.awaitCondition("five audit entries", () -> ApiCalls.auditEntries(hotline.app.store()).size() == 5);
        assertEquals("404 case_not_found", ApiCalls.auditEntries(hotline.app.store()).get(0).getString("detail"));
    }

    @Test
    void aCaseRecordTheServerCannotReadIsA500InJson() throws Exception {
        hotline.app.store().database().getCollection(CollectionNames.CASES)
                .insertOne(new org.bson.Document("number", "2026-DAMAGED").append("status", "NO_SUCH_STATUS"));
        assertRefused(api.get("/api/v1/cases/2026-DAMAGED", secret), 500, "internal_error", null);
        assertEquals(200, api.get("/api/v1/board", secret).statusCode(), "the server goes on");
    }
}
