package org.carehotline.console;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.console.auth.Sessions;
import org.carehotline.console.auth.User;

/**
 * What a handler needs of an HTTP request, copied on the event loop so that the handler's
 * blocking part on a virtual thread never touches Vert.x objects.
 *
 * @param remote the client address, for the audit log
 */
record Request(Optional<User> user, String remote, String lang, Map<String, String> pathParams,
               Map<String, List<String>> params) {

    static Request of(RoutingContext ctx) {
        Map<String, List<String>> params = new HashMap<>();
        copy(ctx.request().params(), params);
        copy(ctx.request().formAttributes(), params);
        String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        return new Request(Sessions.user(ctx), remote, Pages.language(ctx), Map.copyOf(ctx.pathParams()),
                Map.copyOf(params));
    }

    private static void copy(MultiMap from, Map<String, List<String>> to) {
        for (String name : from.names()) {
            to.put(name, List.copyOf(from.getAll(name)));
        }
    }

    /** The signed-in user; routes that reach a handler are behind the sign-in check. */
    User signedIn() {
        return user.orElseThrow(() -> new Reply.Forbidden("not signed in"));
    }

    /** A parameter, trimmed; empty when absent. */
    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    String path(String name) {
        return pathParams.getOrDefault(name, "");
    }
}
