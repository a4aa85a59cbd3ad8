package org.carehotline.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.carehotline.config.HotlineConfig.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: its route table, then one method per route. Handlers run on the
 * event loop and hand every blocking step to {@link Blocking}.
 */
public final class ConsoleServer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);

    private final Vertx vertx;
    private final HttpConfig config;
    private final Blocking blocking;
    private final HealthCheck health;
    private final CasesPage casesPage;
    private final Messages messages;
    private final FreeMarkerTemplateEngine templates;
    private HttpServer server;

    /** Everything the console reads, as the composition root builds it. */
    public record Sources(org.carehotline.store.MongoStore store,
                          org.carehotline.telephony.agi.FastAgiService agi,
                          Supplier<org.carehotline.telephony.ami.AmiStatus> ami,
                          org.carehotline.cases.CaseRepository cases,
                          org.carehotline.cases.ContactRepository contacts,
                          org.carehotline.counselors.CounselorRepository counselors,
                          java.time.ZoneId zone) {}

    public ConsoleServer(Vertx vertx, HttpConfig config, Sources sources, ExecutorService virtualThreads) {
        this.vertx = vertx;
        this.config = config;
        this.blocking = new Blocking(virtualThreads);
        this.health = new HealthCheck(sources.store(), sources.agi(), sources.ami());
        this.casesPage = new CasesPage(sources.cases(), sources.contacts(), sources.counselors(), sources.zone());
        this.messages = new Messages(config.templatesDir());
        this.templates = FreeMarkerTemplateEngine.create(vertx, "ftlh");
        this.templates.unwrap().setDefaultEncoding(StandardCharsets.UTF_8.name());
    }

    /** Starts listening; the future completes with the bound port. */
    public Future<Integer> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/").handler(ctx -> ctx.redirect("/cases"));
        router.get("/cases").handler(this::cases);
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host()).map(s -> {
            server = s;
            log.info("Console listening on http://{}:{}/ (health: /health)", config.host(), s.actualPort());
            return s.actualPort();
        });
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

    private void cases(RoutingContext ctx) {
        String language = Messages.pick(ctx.request().getParam("lang"));
        blocking.run(() -> {
            Map<String, Object> model = casesPage.model();
            model.put("t", messages.forLanguage(language));
            model.put("lang", language);
            return model;
        }).compose(model -> templates.render(model, template("cases.ftlh"))).onComplete(result -> {
            if (result.succeeded()) {
                ctx.response().putHeader("content-type", "text/html; charset=utf-8").end(result.result());
            } else {
                log.error("Cases page failed", result.cause());
                ctx.response().setStatusCode(500).putHeader("content-type", "text/plain; charset=utf-8")
                        .end("页面暂时无法显示 / The page cannot be shown right now");
            }
        });
    }

    private String template(String name) {
        return config.templatesDir().resolve(name).toString();
    }

    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
