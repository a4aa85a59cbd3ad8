package org.carehotline.console;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.carehotline.api.ApiRoutes;
import org.carehotline.api.ApiTokens;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseSearch;
import org.carehotline.cases.CaseVisibility;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.DailyFigures;
import org.carehotline.cases.NoteRepository;
import org.carehotline.cases.VisitRepository;
import org.carehotline.config.HotlineConfig.HttpConfig;
import org.carehotline.counselors.Role;
import org.carehotline.emergency.EmergencyContactRepository;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.reports.FormGuards;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.Csrf;
import org.carehotline.console.auth.SignIn;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.Credentials;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.store.MongoStore;
import org.carehotline.telephony.agi.FastAgiService;
import org.carehotline.telephony.ami.AmiStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: sessions, CSRF check and the route table of each feature. Handlers
 * run on the event loop and hand every blocking step to {@link Blocking}.
 *
 * <p>Sessions live in a {@link LocalSessionStore}: fine for one console node (the design's
 * single process); several nodes would need a shared store. The session cookie is HttpOnly and
 * SameSite=Strict.
 */
public final class ConsoleServer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    /** A counselor's shift: the session survives long pauses between calls. */
    private static final long SESSION_IDLE_MS = 8 * 60 * 60 * 1000L;

    private final Vertx vertx;
    private final HttpConfig config;
    private final Sources sources;
    private final Blocking blocking;
    private final HealthCheck health;
    private HttpServer server;
    private Router apiRouter;

    /** Everything the console works with, as the composition root builds it. */
    public record Sources(MongoStore store, FastAgiService agi, Supplier<AmiStatus> ami, CaseRepository cases,
                          ContactRepository contacts, CounselorRepository counselors, ZoneId zone,
                          org.carehotline.routing.Router routing, EventBusLiveFeed live, Clock clock,
                          org.carehotline.live.CallMonitor monitor, org.carehotline.reports.ReportRoutes reports,
                          org.carehotline.followups.FollowUpService followUpService,
                          org.carehotline.followups.FollowUpChanges followUpChanges,
                          org.carehotline.followups.Surveys surveys,
                          org.carehotline.settings.SettingsService settings,
                          org.carehotline.alerts.CrisisAlerts alerts,
                          org.carehotline.metrics.MetricsEndpoint metrics,
                          org.carehotline.retention.RetentionSweep retention,
                          org.carehotline.backup.StoreBackups backups,
                          org.carehotline.referrals.ReferralService referrals,
                          org.carehotline.config.HotlineConfig.ApiConfig api) {}

    public ConsoleServer(Vertx vertx, HttpConfig config, Sources sources, ExecutorService virtualThreads) {
        this.vertx = vertx;
        this.config = config;
        this.sources = sources;
        this.blocking = new Blocking(virtualThreads);
        this.health = new HealthCheck(sources.store(), sources.agi(), sources.ami());
    }

    /** Starts listening; the future completes with the bound port. */
    public Future<Integer> start() {
        Router router = routes();
        // form limits from the fields' limits (Vert.x's defaults refuse a 950-character Chinese note)
        HttpServerOptions options = new HttpServerOptions().setMaxFormAttributeSize(FieldLimits.formAttributeBytes())
                .setMaxFormBufferedBytes(FieldLimits.formAttributeBytes());
        return vertx.createHttpServer(options).requestHandler(router).listen(config.port(), config.host()).map(s -> {
            server = s;
            log.info("Console listening on http://{}:{}/ (health: /health)", config.host(), s.actualPort());
            return s.actualPort();
        });
    }

    private Router routes() {
        MongoStore store = sources.store();
        Clock clock = sources.clock();
        Formats formats = new Formats(sources.zone());
        Csrf csrf = new Csrf();
        Pages pages = new Pages(new Templates(config.templates()), new Messages(config.templates()), blocking,
                csrf);
        Access access = new Access(pages::forbidden);
        Audit audit = new Audit(new AuditLog(store), clock);
        CaseWork work = new CaseWork(store);
        CallerProfiles callers = new CallerProfiles(store);
        NoteRepository notes = new NoteRepository(store);
        CaseGuard guard = new CaseGuard(new CaseVisibility(store), sources.live().calls());
        CaseRows rows = new CaseRows(sources.counselors(), callers, formats);
        CaseSearch search = new CaseSearch(store);
        ConsoleSignIns signIns = new ConsoleSignIns();
        BoardPanel board = new BoardPanel(sources.routing(), new DailyFigures(store), formats, clock, signIns);
        CallerCard card = new CallerCard(sources.contacts(), work, callers, notes, guard, formats, clock);
        VisitRepository visits = new VisitRepository(store);
        OnwardReferralRepository onward = new OnwardReferralRepository(store);
        EmergencyContactRepository emergency = new EmergencyContactRepository(store);
        FollowUpConsole followUps = new FollowUpConsole(new FollowUpConsole.Parts(store, sources.followUpService(),
                sources.followUpChanges(), sources.cases(), work, guard, rows, formats, audit, clock));
        List<CasePanel> panels = List.of(new OnwardPanel(onward, formats),
                new EmergencyPanel(emergency, formats, clock), new AlertPanel(sources.alerts()),
                new SurveyPanel(sources.surveys(), new FollowUpRepository(store), formats));
        CaseTimeline timeline = new CaseTimeline(sources.contacts(), visits, notes, new FollowUpRepository(store),
                rows, panels);
        CasePage casePage = new CasePage(work, callers, timeline, rows, formats, followUps.panel(), panels);
        ApiTokens apiTokens = new ApiTokens(store, clock);
        apiRouter = new ApiRoutes(new ApiRoutes.Parts(apiTokens, sources.api(), new AuditLog(store),
                sources.referrals(), work, sources.cases(), timeline, board, followUps.lists(),
                new FollowUpRepository(store), blocking, clock)).router(vertx);
        LiveStream stream = new LiveStream(vertx, board::signature);
        AlertRoutes alertRoutes = new AlertRoutes(vertx, pages, blocking, sources.alerts(), this::describeCrisis,
                sources.live().calls(), guard.visibility(), formats, audit);
        alertRoutes.start();

        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        sources.metrics().mount(router);
        Favicon.mount(router);
        // the integration API: bearer tokens, no session, no CSRF (no cookie is sent), JSON errors
        router.route(ApiRoutes.MOUNT + "/*").subRouter(apiRouter);
        router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx)).setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT).setSessionTimeout(SESSION_IDLE_MS)
                .setSessionCookieName("hotline.session"));
        // Reports and the worker registry: supervisors and administrators. Mounted before the
        // global body handler, which refuses uploads; the import has its own and gets our CSRF check.
        Handler<RoutingContext> supervisors = access.require(Role.SUPERVISOR, Role.ADMINISTRATOR);
        router.route("/reports*").handler(supervisors);
        router.route("/registry/*").handler(supervisors);
        sources.reports().mount(router, new FormGuards(ctx -> {
            if (csrf.accepts(ctx)) {
                ctx.next();
            } else {
                pages.refused(ctx, 403, "csrf");
            }
        }, ctx -> csrf.token(ctx.session()), ctx -> PageFrame.of(ctx, csrf)));
        router.route().handler(BodyHandler.create().setBodyLimit(FieldLimits.bodyBytes()).setHandleFileUploads(false));
        router.route().handler(ctx -> {
            if (csrf.accepts(ctx)) {
                ctx.next();
            } else {
                pages.refused(ctx, 403, "csrf");
            }
        });
        Credentials credentials = new Credentials(store);
        PasswordHasher hasher = new PasswordHasher();
        new AuthRoutes(pages, new SignIn(sources.counselors(), credentials, hasher, clock), audit, sources.routing(),
                signIns)
                .mount(router, access);
        new AdminRoutes(pages, sources.counselors(), credentials, hasher, sources.routing(), audit,
                new AccountLocks(pages, credentials, audit, formats, clock)).mount(router, access);
        new ApiTokenRoutes(pages, apiTokens, formats, audit).mount(router, access);
        new SettingsRoutes(pages, sources.settings(), sources.zone(), audit).mount(router, access);
        new RetentionRoutes(pages, sources.retention(), formats).mount(router, access);
        new BackupRoutes(pages, sources.backups(), formats).mount(router, access);
        new HomeRoutes(pages, sources.routing(), card, board, guard, search, rows, audit, sources.ami())
                .mount(router, access);
        new SearchRoutes(pages, search, guard, rows, sources.counselors(), formats, audit).mount(router, access);
        new CaseRoutes(pages, new CaseRoutes.Parts(casePage, guard, work, sources.cases(), callers, notes, visits,
                sources.live(), audit, clock, sources.surveys())).mount(router, access);
        CaseActions caseActions = new CaseActions(pages, casePage, work, guard);
        new OnwardReferralRoutes(caseActions, onward, audit, clock).mount(router, access);
        new SurveyRoutes(caseActions, sources.surveys(), audit).mount(router, access);
        new EmergencyRoutes(caseActions, emergency, sources.live(), audit, clock, sources.zone()).mount(router, access);
        followUps.mount(router, access, pages, casePage);
        new BoardRoutes(pages, board).mount(router, access);
        new MonitorRoutes(pages, sources.monitor(), sources.counselors(), sources.routing(), audit)
                .mount(router, access);
        new AuditRoutes(pages, new AuditLog(store), formats).mount(router, access);
        // a refused request gets a page in the layout, not a bare "Bad Request"
        router.errorHandler(400, ctx -> pages.failed(ctx, 400));
        router.errorHandler(413, ctx -> pages.failed(ctx, 413));
        alertRoutes.mount(router, access);
        router.get("/events").handler(access.require()).handler(stream::open);
        // anything else: the 404 page in the layout, in the session's language
        router.route().last().handler(ctx -> pages.handle(ctx, request -> {
            throw new Reply.NotFound(ctx.request().path());
        }));
        return router;
    }

    /** Blocking: the case id and number of a crisis alert that names only a contact. */
    private JsonObject describeCrisis(JsonObject alert) {
        String contactId = alert.getString("contactId", "");
        return sources.contacts().findById(contactId).flatMap(c -> sources.cases().findById(c.caseId()))
                .map(c -> alert.copy().put("caseId", c.id()).put("caseNumber", c.number())).orElse(alert);
    }

    private void health(RoutingContext ctx) {
        blocking.run(health::check).onComplete(result -> {
            JsonObject body = result.succeeded() ? result.result()
                    : new JsonObject().put("status", "DOWN").put("error", String.valueOf(result.cause()));
            int code = "DOWN".equals(body.getString("status")) ? 503 : 200;
            ctx.response().setStatusCode(code).putHeader("content-type", "application/json; charset=utf-8")
                    .end(body.encodePrettily());
        });
    }

    /** The integration API's routes as {@code METHOD /api/v1/path} (tests compare them with openapi.json). */
    public List<String> apiRoutes() {
        return ApiRoutes.table(apiRouter).stream().map(r -> r.replaceFirst(" ", " " + ApiRoutes.MOUNT)).toList();
    }

    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
