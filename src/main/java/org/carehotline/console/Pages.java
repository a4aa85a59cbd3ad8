package org.carehotline.console;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Map;
import java.util.function.Function;
import org.carehotline.console.auth.Csrf;
import org.carehotline.console.auth.Sessions;
import org.carehotline.vocabulary.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a page handler: copies the request on the event loop, loads the data and renders the
 * template on a virtual thread ({@link Blocking}), then answers on the event loop. Adds what
 * every page shows: texts in the session's language, the user, the CSRF token, the path for
 * the language switch. Forbidden and missing things get the 403 and 404 pages.
 */
final class Pages {

    private static final Logger log = LoggerFactory.getLogger(Pages.class);
    private static final String LANG_KEY = "lang";
    /** The session key of a one-time message for the next page ({@link Reply.Redirect#flash}). */
    static final String FLASH_KEY = "flash";

    private final Templates templates;
    private final Messages messages;
    private final Blocking blocking;
    private final Csrf csrf;

    Pages(Templates templates, Messages messages, Blocking blocking, Csrf csrf) {
        this.templates = templates;
        this.messages = messages;
        this.blocking = blocking;
        this.csrf = csrf;
    }

    /** The language: {@code ?lang=} switches it and the session remembers it; Chinese first. */
    static String language(RoutingContext ctx) {
        Session session = ctx.session();
        String asked = ctx.request().getParam(LANG_KEY);
        if (asked != null && Messages.LANGUAGES.contains(asked)) {
            if (session != null) {
                session.put(LANG_KEY, asked);
            }
            return asked;
        }
        String kept = session == null ? null : session.get(LANG_KEY);
        return Messages.pick(kept);
    }

    /** Handles the request with {@code handler}, run on a virtual thread. */
    void handle(RoutingContext ctx, Function<Request, Reply> handler) {
        Request request = Request.of(ctx);
        Map<String, Object> frame = PageFrame.of(ctx, csrf);
        String path = ctx.request().path();
        // a flash message is shown by the next full page only, not by the fragments it fetches
        String flash = ctx.session() == null || isFragment(path) ? null : ctx.session().remove(FLASH_KEY);
        Callable<Answer> work = () -> {
            Reply reply;
            try {
                reply = handler.apply(request);
            } catch (Reply.Forbidden e) {
                reply = Reply.view("error.ftlh", 403).with("code", 403);
            } catch (Reply.NotFound e) {
                reply = Reply.view("error.ftlh", 404).with("code", 404);
            }
            if (reply instanceof Reply.Redirect redirect) {
                return new Answer(303, null, redirect);
            }
            Reply.View view = (Reply.View) reply;
            view.model().put("t", messages.forLanguage(request.lang()));
            view.model().putAll(frame);
            view.model().put("flash", flash == null ? "" : flash);
            view.model().put("describe", describe(request.lang()));
            view.model().put("limits", FieldLimits.BY_NAME);
            try {
                return new Answer(view.status(), templates.render(view.template(), view.model()), null);
            } catch (RuntimeException e) {
                // the frame and an error box instead of a bare text page; the log says which template and what
                log.error("Console page {} cannot be shown: {}", path, e.getMessage());
                Reply.View error = Reply.view("error.ftlh", 500).with("code", 500);
                error.model().putAll(frame);
                error.model().putAll(Map.of("t", view.model().get("t"), "describe", describe(request.lang()),
                        "flash", "", "limits", FieldLimits.BY_NAME));
                return new Answer(500, templates.render(error.template(), error.model()), null);
            }
        };
        blocking.run(work).onComplete(result -> {
            if (result.failed()) {
                log.error("Console page {} failed", path, result.cause());
                ctx.response().setStatusCode(500).putHeader("content-type", "text/plain; charset=utf-8")
                        .end("页面暂时无法显示 / The page cannot be shown right now");
                return;
            }
            Answer answer = result.result();
            if (answer.redirect() != null) {
                answer.redirect().onLoop().accept(ctx);
                ctx.response().setStatusCode(303).putHeader("location", answer.redirect().location()).end();
            } else {
                ctx.response().setStatusCode(answer.status()).putHeader("content-type", "text/html; charset=utf-8")
                        .putHeader("cache-control", "no-store")
                        // case files are never framed by another site, nor sniffed, nor leaked by referrer
                        .putHeader("x-frame-options", "DENY").putHeader("x-content-type-options", "nosniff")
                        .putHeader("referrer-policy", "same-origin").end(answer.body());
            }
        });
    }

    /**
     * Answers a request Vert.x refused before any handler ran (a body over the limit: 413; a
     * form it could not decode: 400) with the error page in the layout.
     */
    void failed(RoutingContext ctx, int code) {
        refused(ctx, code, String.valueOf(code));
    }

    /**
     * Answers a refused request with the error page in the layout, status {@code status}, texts
     * {@code error.<code>} (a form whose CSRF token expired: 403, "csrf"). The browser's Back
     * button returns to the form with what was typed still in it, as the page says.
     */
    void refused(RoutingContext ctx, int status, String code) {
        if (ctx.response().ended()) {
            return;
        }
        log.warn("Console request {} {} refused ({}): {} bytes sent, body limit {} bytes", ctx.request().method(),
                ctx.request().path(), code, ctx.request().getHeader("content-length"), FieldLimits.bodyBytes());
        // rendered here on the event loop (a small template, texts in memory): Vert.x ends a refused
        // request's response itself right after this handler returns
        Reply.View view = Reply.view("error.ftlh", status).with("code", code)
                .with("limitKb", FieldLimits.bodyBytes() / 1024).with("submitted", submittedTexts(ctx));
        String lang = language(ctx);
        view.model().putAll(PageFrame.of(ctx, csrf));
        view.model().putAll(Map.of("t", messages.forLanguage(lang), "limits", FieldLimits.BY_NAME,
                "describe", describe(lang), "flash", ""));
        ctx.response().setStatusCode(status).putHeader("content-type", "text/html; charset=utf-8")
                .putHeader("cache-control", "no-store").end(templates.render(view.template(), view.model()));
    }

    /**
     * What the refused form carried, to show back on the error page so nothing typed is lost:
     * every filled field but the token and passwords (empty when the body was never read, as
     * for one over the limit).
     */
    private static java.util.List<Map<String, String>> submittedTexts(RoutingContext ctx) {
        java.util.List<Map<String, String>> texts = new java.util.ArrayList<>();
        ctx.request().formAttributes().forEach(field -> {
            String name = field.getKey();
            if (!name.startsWith("_") && !name.toLowerCase(java.util.Locale.ROOT).contains("password")
                    && !field.getValue().isBlank()) {
                texts.add(Map.of("name", name, "value", field.getValue()));
            }
        });
        return texts;
    }

    /** {@code ${describe(line)}}: a line the system wrote in codes, in the page's language ({@link Vocabulary#describe}). */
    static freemarker.template.TemplateMethodModelEx describe(String language) {
        return args -> Vocabulary.describe(args.isEmpty() || args.get(0) == null ? ""
                : ((freemarker.template.TemplateScalarModel) args.get(0)).getAsString(), language);
    }

    private static boolean isFragment(String path) {
        return path.startsWith("/card/") || path.endsWith("/panel") || path.startsWith("/events");
    }

    /** Answers a request that is not allowed, on the event loop (role checks before any work). */
    void forbidden(RoutingContext ctx) {
        handle(ctx, request -> Reply.view("error.ftlh", 403).with("code", 403));
    }

    /** Whether the request is signed in (for route guards on the event loop). */
    static boolean signedIn(RoutingContext ctx) {
        return Sessions.user(ctx).isPresent();
    }

    private record Answer(int status, String body, Reply.Redirect redirect) {}
}
