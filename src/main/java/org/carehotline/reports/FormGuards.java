package org.carehotline.reports;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Function;

/**
 * What the console lends the report pages' forms: a check run after a form's body is read
 * (the console's CSRF check: the upload has its own body handler, so the console's global one
 * never sees it) and the token to put in the form.
 *
 * @param afterBody calls {@code next()} for a genuine form, answers the request otherwise
 * @param frame     what the console's layout needs (user, language, CSRF token, ...), so that the
 *                  report pages have the same header and menu as every console page; its
 *                  {@code lang} is the page's language
 */
public record FormGuards(Handler<RoutingContext> afterBody, Function<RoutingContext, String> formToken,
                         Function<RoutingContext, Map<String, Object>> frame) {

    /** No checks, no user: for tests that mount the report pages alone; the language from {@code ?lang=}. */
    public static final FormGuards NONE = new FormGuards(RoutingContext::next, ctx -> "",
            ctx -> Map.of("lang", ReportTexts.pick(ctx.request().getParam("lang")), "path", ctx.request().path()));

    /** The page's language, as the frame tells it. */
    String language(RoutingContext ctx) {
        Object lang = frame.apply(ctx).get("lang");
        return lang == null ? ReportTexts.pick(ctx.request().getParam("lang")) : lang.toString();
    }
}
