package org.carehotline.console;

import java.util.HashMap;
import java.util.Map;

/** What a console handler answers, computed on a virtual thread: a page to render or a redirect. */
sealed interface Reply {

    /** A page: template and model; the common parts (texts, user, CSRF token) are added by {@link Pages}. */
    record View(String template, Map<String, Object> model, int status) implements Reply {

        View with(String key, Object value) {
            model.put(key, value);
            return this;
        }

        View withStatus(int code) {
            return new View(template, model, code);
        }
    }

    /**
     * After a successful POST: redirect, so that a reload never posts twice.
     *
     * @param onLoop what to do to the session first, on the event loop (sign in, sign out)
     */
    record Redirect(String location, java.util.function.Consumer<io.vertx.ext.web.RoutingContext> onLoop)
            implements Reply {

        Redirect(String location) {
            this(location, ctx -> { });
        }

        /** The same redirect, and the next page shows the text {@code key} once ("saved"). */
        Redirect flash(String key) {
            return new Redirect(location, onLoop.andThen(ctx -> {
                if (ctx.session() != null) {
                    ctx.session().put(Pages.FLASH_KEY, key);
                }
            }));
        }
    }

    static View view(String template) {
        return new View(template, new HashMap<>(), 200);
    }

    static View view(String template, int status) {
        return new View(template, new HashMap<>(), status);
    }

    /** Thrown by a handler when the signed-in user may not see or do this: answered with the 403 page. */
    final class Forbidden extends RuntimeException {
        Forbidden(String what) {
            super(what);
        }
    }

    /** Thrown when the thing asked for does not exist: the 404 page. */
    final class NotFound extends RuntimeException {
        NotFound(String what) {
            super(what);
        }
    }
}
