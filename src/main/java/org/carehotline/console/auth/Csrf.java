package org.carehotline.console.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer-token CSRF protection: one random token per session, put in a hidden
 * {@code _csrf} field of every form (or the {@code X-CSRF-Token} header of script requests), and
 * compared in constant time on every state-changing request. Chosen over Vert.x's double-submit
 * CSRFHandler because the token lives only in the server-side session, not in a cookie.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "csrf";

    private final SecureRandom random = new SecureRandom();

    /** The session's token, created on first use. */
    public String token(Session session) {
        String token = session.get(SESSION_KEY);
        if (token == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.put(SESSION_KEY, token);
        }
        return token;
    }

    /** True when the request may go on: a safe method, or the right token. */
    public boolean accepts(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return true;
        }
        Session session = ctx.session();
        String expected = session == null ? null : session.get(SESSION_KEY);
        String given = ctx.request().getFormAttribute(FIELD);
        if (given == null) {
            given = ctx.request().getHeader(HEADER);
        }
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
