package org.carehotline.reports;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * What the console lends the report pages' forms: a check run after a form's body is read
 * (the console's CSRF check: the upload has its own body handler, so the console's global one
 * never sees it) and the token to put in the form.
 *
 * @param afterBody calls {@code next()} for a genuine form, answers the request otherwise
 */
public record FormGuards(Handler<RoutingContext> afterBody, Function<RoutingContext, String> formToken) {

    /** No checks: for tests that mount the report pages alone. */
    public static final FormGuards NONE = new FormGuards(RoutingContext::next, ctx -> "");
}
