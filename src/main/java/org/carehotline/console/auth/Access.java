package org.carehotline.console.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.carehotline.counselors.Role;

/**
 * Route guards, checked on the event loop before any work: signed in at all, and one of the
 * roles a page or action needs. Finer checks (is this case theirs?) are made by the handlers.
 */
public final class Access {

    private final Consumer<RoutingContext> forbidden;

    /** @param forbidden answers a refused request (the 403 page) */
    public Access(Consumer<RoutingContext> forbidden) {
        this.forbidden = forbidden;
    }

    /** Lets the request through when signed in with any of {@code roles} (none given: any role). */
    public Handler<RoutingContext> require(Role... roles) {
        return ctx -> {
            Optional<User> user = Sessions.user(ctx);
            if (user.isEmpty()) {
                String accept = ctx.request().getHeader("accept");
                boolean eventStream = accept != null && accept.contains("text/event-stream");
                if (ctx.request().method() == HttpMethod.GET && !eventStream) {
                    String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
                    ctx.response().setStatusCode(303).putHeader("location", "/login?next=" + next).end();
                } else {
                    // forms and the event stream (which stops retrying on a 401) are not redirected
                    ctx.response().setStatusCode(401).putHeader("content-type", "text/plain; charset=utf-8")
                            .end("请先登录 / Please sign in");
                }
            } else if (roles.length == 0 || user.get().hasAny(roles)) {
                ctx.next();
            } else {
                forbidden.accept(ctx);
            }
        };
    }
}
