package org.carehotline.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.console.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every API request passes before and after its route: the bearer token (401), its rate
 * limit (429), the route's scope (403), a JSON body where one is sent (415), and at the end one
 * audit entry with the token, the route and the outcome. Refusals are answered here as JSON.
 * Runs on the event loop; the token lookup and the audit write run on virtual threads.
 */
final class ApiGate {

    private static final Logger log = LoggerFactory.getLogger(ApiGate.class);
    /** Far above a referral (a situation of 4,000 Chinese characters is about 12 KB), far below harm. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String TOKEN_KEY = "api.token";
    private static final String ERROR_KEY = "api.error";
    private static final String TARGET_KEY = "api.target";

    private final ApiTokens tokens;
    private final RateLimits limits;
    private final AuditLog audit;
    private final Blocking blocking;
    private final Clock clock;

    ApiGate(ApiTokens tokens, RateLimits limits, AuditLog audit, Blocking blocking, Clock clock) {
        this.tokens = tokens;
        this.limits = limits;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The token of a request past {@link #authenticate}. */
    static ApiToken token(RoutingContext ctx) {
        return ctx.get(TOKEN_KEY);
    }

    /** Names what the request was about (a case number, a referral id) in its audit entry. */
    static void target(RoutingContext ctx, String target) {
        ctx.put(TARGET_KEY, target);
    }

    /** First: the request's audit entry is written once its answer has gone out, whatever the answer. */
    void audited(RoutingContext ctx) {
        String route = ctx.request().method() + " " + ctx.request().path();
        String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        ctx.addEndHandler(done -> {
            ApiToken token = ctx.get(TOKEN_KEY);
            String error = ctx.get(ERROR_KEY);
            String target = ctx.get(TARGET_KEY);
            String outcome = ctx.response().getStatusCode() + (error == null ? "" : " " + error);
            AuditEntry entry = new AuditEntry(clock.instant(), token == null ? "" : token.id(),
                    token == null ? "" : "api:" + token.name(), "api.request", route,
                    (target == null ? "" : target + " ") + outcome, remote);
            blocking.run(() -> {
                audit.record(entry);
                return null;
            }).onFailure(e -> log.error("API audit entry not written: {}", entry, e));
        });
        ctx.next();
    }

    /** The bearer token: looked up by its hash off the event loop, then its rate limit. */
    void authenticate(RoutingContext ctx) {
        String header = Optional.ofNullable(ctx.request().getHeader("authorization")).orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            ctx.fail(ApiError.of(401, "token_missing", "send the API token as 'Authorization: Bearer <token>'"));
            return;
        }
        String secret = header.substring(7).strip();
        blocking.run(() -> tokens.authenticate(secret)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else if (found.result().isEmpty()) {
                ctx.fail(ApiError.of(401, "token_invalid", "this token is unknown or was revoked"));
            } else {
                ApiToken token = found.result().get();
                ctx.put(TOKEN_KEY, token);
                long wait = limits.take(token.id());
                if (wait > 0) {
                    ctx.fail(ApiError.rateLimited(wait));
                } else {
                    ctx.next();
                }
            }
        });
    }

    /** Lets the request through when its token has {@code scope}. */
    Handler<RoutingContext> requires(Scope scope) {
        return ctx -> {
            if (token(ctx).allows(scope)) {
                ctx.next();
            } else {
                ctx.fail(ApiError.of(403, "scope_missing", "this token lacks the scope '" + scope.code() + "'"));
            }
        };
    }

    /** Lets a body through only as JSON. */
    void requireJson(RoutingContext ctx) {
        String type = Optional.ofNullable(ctx.request().getHeader("content-type")).orElse("")
                .toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || type.startsWith("application/json;")) {
            ctx.next();
        } else {
            ctx.fail(ApiError.of(415, "unsupported_media_type", "send the body as 'Content-Type: application/json'"));
        }
    }

    /** The failure handler: every refusal and failure as {@code {"code", "message"}}. */
    void refuse(RoutingContext ctx) {
        ApiError error = ctx.failure() instanceof ApiError e ? e : ApiError.ofStatus(ctx.statusCode());
        if (error.status == 500) {
            log.error("API {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        ctx.put(ERROR_KEY, error.code);
        if (ctx.response().ended()) {
            return;
        }
        if (error.status == 401) {
            ctx.response().putHeader("www-authenticate", "Bearer");
        } else if (error.status == 429) {
            ctx.response().putHeader("retry-after", String.valueOf(error.retryAfterSeconds));
        }
        send(ctx, error.status, error.body());
    }

    static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .putHeader("cache-control", "no-store").end(body.encode());
    }
}
