package org.carehotline.reports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.carehotline.config.BundledFiles;
import org.carehotline.console.Blocking;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.carehotline.registry.ImportJobs;
import org.carehotline.registry.RegistryImport;
import org.carehotline.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report pages' routes: {@code /reports} (charts and tables), {@code /reports.csv?part=}
 * (each table as CSV), the chart library, and the registry import under {@code /registry/import}.
 * Handlers run on the event loop and hand every database step to a virtual thread.
 *
 * <p>The console mounts these behind the SUPERVISOR and ADMINISTRATOR roles (reports show
 * counselors' figures and crisis calls; the import writes to callers), and give the import form
 * the console's CSRF token.
 */
public final class ReportRoutes {

    private static final Logger log = LoggerFactory.getLogger(ReportRoutes.class);

    /** What the reports read, as the composition root builds it. */
    public record Parts(MongoStore store, ReportSettings settings, ZoneId zone, BundledFiles templateFiles,
                        ExecutorService virtualThreads, Clock clock) {}

    private final Parts parts;
    private final Reports reports;
    private final ReportTexts texts;
    private final Blocking offLoop;
    private final FreeMarkerTemplateEngine templates;
    private final ImportPage importPage;
    private FormGuards guards = FormGuards.NONE;

    public ReportRoutes(Vertx vertx, Parts parts) {
        this.parts = parts;
        this.reports = new Reports(parts.store(), parts.settings(), parts.clock());
        this.texts = new ReportTexts(parts.templateFiles());
        this.offLoop = new Blocking(parts.virtualThreads());
        this.templates = FreeMarkerTemplateEngine.create(vertx, "ftlh");
        this.templates.unwrap().setDefaultEncoding(StandardCharsets.UTF_8.name());
        // the engine's own loader reads Vert.x's file system (the working directory first): the
        // report pages come from the same place as the console's, the jar unless templates.dir overrides
        this.templates.unwrap().setTemplateLoader(parts.templateFiles().templateLoader());
        this.importPage = new ImportPage(new ImportJobs(new RegistryImport(parts.store()), parts.virtualThreads()),
                texts, this::render);
    }

    /** Mounts the routes with no form checks (tests that serve the report pages alone). */
    public void mount(Router router) {
        mount(router, FormGuards.NONE);
    }

    /**
     * Mounts the routes on the console's router; the console puts them behind the supervisor
     * role and lends its CSRF check for the upload form.
     */
    public void mount(Router router, FormGuards guards) {
        this.guards = guards;
        router.get("/reports").handler(this::page);
        router.get("/reports.csv").handler(this::csv);
        router.get("/reports/assets/*").handler(StaticHandler.create(ChartLibrary.distFolder()));
        importPage.mount(router, guards);
    }

    private void page(RoutingContext ctx) {
        Map<String, Object> frame = guards.frame().apply(ctx);
        String lang = guards.language(ctx);
        ReportPeriod period;
        try {
            period = period(ctx);
        } catch (IllegalArgumentException e) {
            ctx.response().setStatusCode(400).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("日期或时段有误 / Bad dates or bucket: " + e.getMessage());
            return;
        }
        offLoop.run(() -> ReportModel.of(reports.report(period), lang, texts.forLanguage(lang)))
                .compose(model -> {
                    model.putAll(frame);
                    return render(model, "reports.ftlh");
                })
                .onComplete(result -> send(ctx, result, "text/html; charset=utf-8", "Report page"));
    }

    private void csv(RoutingContext ctx) {
        String lang = guards.language(ctx);
        String part = ctx.request().getParam("part", "service");
        ReportPeriod period;
        try {
            period = period(ctx);
            if (!ReportCsv.PARTS.contains(part)) {
                throw new IllegalArgumentException("part is one of " + ReportCsv.PARTS);
            }
        } catch (IllegalArgumentException e) {
            ctx.response().setStatusCode(400).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("参数有误 / Bad parameter: " + e.getMessage());
            return;
        }
        String fileName = "report-" + part + "-" + period.from() + "-" + period.to() + ".csv";
        offLoop.run(() -> Buffer.buffer(ReportCsv.table(reports.report(period), part,
                        key -> texts.text(lang, key)).bytes()))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        ctx.response().putHeader("content-disposition", "attachment; filename=\"" + fileName + "\"");
                    }
                    send(ctx, result, "text/csv; charset=utf-8", "Report CSV");
                });
    }

    private ReportPeriod period(RoutingContext ctx) {
        return ReportPeriod.parse(ctx.request().getParam("from"), ctx.request().getParam("to"),
                ctx.request().getParam("bucket"), LocalDate.now(parts.clock().withZone(parts.zone())), parts.zone());
    }

    Future<Buffer> render(Map<String, Object> model, String template) {
        return templates.render(model, template);
    }

    static void send(RoutingContext ctx, io.vertx.core.AsyncResult<Buffer> result, String type, String what) {
        if (result.succeeded()) {
            ctx.response().putHeader("content-type", type).end(result.result());
        } else {
            log.error("{} failed", what, result.cause());
            ctx.response().setStatusCode(500).putHeader("content-type", "text/plain; charset=utf-8")
                    .end("页面暂时无法显示 / The page cannot be shown right now");
        }
    }
}
