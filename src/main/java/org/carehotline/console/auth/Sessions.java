package org.carehotline.console.auth;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.util.Optional;

/** Reads and writes the signed-in user of a request's session. */
public final class Sessions {

    private static final String USER_KEY = "user";

    private Sessions() {
    }

    public static Optional<User> user(RoutingContext ctx) {
        Session session = ctx.session();
        return session == null ? Optional.empty() : Optional.ofNullable(session.get(USER_KEY));
    }

    /** Signs the user in: a new session id first, so that a session id planted before sign-in is worthless. */
    public static void signIn(RoutingContext ctx, User user) {
        ctx.session().regenerateId();
        ctx.session().put(USER_KEY, user);
    }

    public static void signOut(RoutingContext ctx) {
        ctx.session().destroy();
    }
}
