package org.carehotline.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseWork;
import org.carehotline.config.HotlineConfig.ApiConfig;
import org.carehotline.console.BoardPanel;
import org.carehotline.console.Blocking;
import org.carehotline.console.CaseTimeline;
import org.carehotline.console.FollowUpLists;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.referrals.Referral;
import org.carehotline.referrals.ReferralService;

/**
 * The integration API, mounted at {@value #MOUNT} on the console's server: its route table,
 * then one method per route. Each route reads through the services the console uses (referrals,
 * case file and timeline, board, due list), so the API and the console cannot disagree.
 * The document {@code /api/openapi.json} (a resource, served as is) describes every route.
 */
public final class ApiRoutes {

    public static final String MOUNT = "/api/v1";
    private static final String DOCUMENT = "/api/openapi.json";

    /** What the API reads and writes, as the console builds it. */
    public record Parts(ApiTokens tokens, ApiConfig config, AuditLog audit, ReferralService referrals,
                        CaseWork caseFiles, CaseRepository cases, CaseTimeline timeline, BoardPanel board,
                        FollowUpLists followUps, FollowUpRepository followUpRecords, Blocking blocking, Clock clock) {}

    private final Parts parts;
    private final ApiGate gate;
    private final Buffer document;

    public ApiRoutes(Parts parts) {
        this.parts = parts;
        this.gate = new ApiGate(parts.tokens(), new RateLimits(parts.config().ratePerMinute(), parts.config().burst(),
                System::nanoTime), parts.audit(), parts.blocking(), parts.clock());
        this.document = readDocument();
    }

    /** The API's router, to mount at {@link #MOUNT}. */
    public Router router(Vertx vertx) {
        Router api = Router.router(vertx);
        api.get("/openapi.json").handler(this::document);
        api.route().handler(gate::audited);
        api.route().handler(BodyHandler.create().setBodyLimit(ApiGate.MAX_BODY_BYTES).setHandleFileUploads(false));
        api.route().handler(gate::authenticate);
        api.post("/referrals").handler(gate.requires(Scope.REFERRALS_WRITE)).handler(gate::requireJson)
                .handler(this::refer);
        api.get("/cases/:number").handler(gate.requires(Scope.CASES_READ)).handler(this::caseFile);
        api.get("/board").handler(gate.requires(Scope.BOARD_READ)).handler(this::board);
        api.get("/followups/due").handler(gate.requires(Scope.FOLLOWUPS_READ)).handler(this::dueFollowUps);
        api.route().handler(ctx -> ctx.fail(ApiError.of(404, "not_found", "no such API route: "
                + ctx.request().method() + " " + ctx.request().path())));
        api.route().failureHandler(gate::refuse);
        return api;
    }

    /**
     * The router's routes as {@code METHOD /path} with OpenAPI's {@code {param}} for {@code :param},
     * leaving out the handlers every request passes (they have no path).
     */
    public static List<String> table(Router api) {
        TreeSet<String> routes = new TreeSet<>();
        for (Route route : api.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue;
            }
            String path = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            route.methods().forEach(m -> routes.add(m.name() + " " + path));
        }
        return List.copyOf(routes);
    }

    private void document(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(document);
    }

    private void refer(RoutingContext ctx) {
        ReferralRequest request = ReferralRequest.parse(ctx.body().buffer());
        String referrer = request.referrer() + " [api:" + ApiGate.token(ctx).name() + "]";
        answer(ctx, 201, () -> {
            Referral referral;
            try {
                referral = parts.referrals().refer(referrer, request.workerPhone(), request.situation(),
                        request.urgency());
            } catch (IllegalArgumentException e) {
                throw ApiError.field("invalid_value", "workerPhone", e.getMessage());
            }
            String number = parts.cases().findById(referral.caseId()).map(CareCase::number).orElse("");
            FollowUp followUp = parts.followUpRecords().findById(referral.followUpId()).orElseThrow();
            return new Answer(number, new JsonObject().put("referralId", referral.id()).put("caseNumber", number)
                    .put("followUpId", followUp.id()).put("followUpDueAt", ApiJson.time(followUp.dueAt()))
                    .put("urgency", referral.urgency().name())
                    .put("workerPhone", ApiJson.masked(Optional.of(referral.workerPhone())))
                    .put("case", MOUNT + "/cases/" + number));
        });
    }

    private void caseFile(RoutingContext ctx) {
        String number = ctx.pathParam("number");
        answer(ctx, 200, () -> {
            CaseFile file = parts.caseFiles().findByNumber(number).orElseThrow(() -> ApiError.of(404,
                    "case_not_found", "no case numbered '" + number + "'"));
            return new Answer(number, ApiJson.caseFile(file, parts.timeline().entries(file)));
        });
    }

    private void board(RoutingContext ctx) {
        answer(ctx, 200, () -> new Answer("", ApiJson.board(parts.board(), parts.clock().instant())));
    }

    private void dueFollowUps(RoutingContext ctx) {
        String assignee = Optional.ofNullable(ctx.request().getParam("assignee")).orElse("");
        if (!assignee.isEmpty() && !assignee.equals(FollowUpRepository.ASSIGNEE_POOL)) {
            throw ApiError.field("invalid_value", "assignee", "'assignee' is 'pool' or left out (everyone's)");
        }
        answer(ctx, 200, () -> {
            FollowUpLists.Sorted sorted = parts.followUps().sorted(Optional.of(assignee).filter(a -> !a.isEmpty()));
            Map<String, String> numbers = new HashMap<>();
            Function<String, String> number = id -> numbers.computeIfAbsent(id,
                    k -> parts.cases().findById(k).map(CareCase::number).orElse(""));
            JsonObject body = new JsonObject().put("at", ApiJson.time(parts.clock().instant()))
                    .put("due", ApiJson.followUps(sorted.due(), number))
                    .put("overdue", ApiJson.followUps(sorted.overdue(), number));
            return new Answer(String.join(",", new TreeSet<>(numbers.values())), body);
        });
    }

    /** A route's answer: the body, and what it was about for the audit log. */
    private record Answer(String target, JsonObject body) {}

    /** Runs {@code work} on a virtual thread and answers with its JSON, or its refusal. */
    private void answer(RoutingContext ctx, int status, Callable<Answer> work) {
        parts.blocking().run(work).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            if (!result.result().target().isEmpty()) {
                ApiGate.target(ctx, result.result().target());
            }
            ApiGate.send(ctx, status, result.result().body());
        });
    }

    private static Buffer readDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
