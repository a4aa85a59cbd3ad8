package org.carehotline.metrics;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code GET /metrics}: every meter in Prometheus text format, for the scraper of the union's
 * monitoring. It tells how busy the line is, so it is not public: a scraper sends
 * {@code Authorization: Bearer <metrics.token>}. With no token configured the route does not
 * exist (404), so a server nobody set up for monitoring shows nothing.
 */
public final class MetricsEndpoint {

    /** The content type Prometheus expects for its text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HotlineMetrics metrics;
    private final byte[] token;
    private final Function<Callable<String>, Future<String>> blocking;

    /**
     * @param token    the scraper's bearer token; empty: no endpoint
     * @param blocking runs the scrape off the event loop (gauges take the router's lock)
     */
    public MetricsEndpoint(HotlineMetrics metrics, String token, Function<Callable<String>, Future<String>> blocking) {
        this.metrics = metrics;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.blocking = blocking;
    }

    /** Mounts the route, before any session handler: a scraper has no session. */
    public void mount(Router router) {
        if (token.length > 0) {
            router.get("/metrics").handler(this::handle);
        }
    }

    private void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        byte[] offered = header != null && header.startsWith("Bearer ")
                ? header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, offered)) { // constant time: the token is a secret
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
                    .putHeader("content-type", "text/plain; charset=utf-8").end("metrics need the bearer token\n");
            return;
        }
        blocking.apply(metrics::scrape).onComplete(r -> {
            if (r.succeeded()) {
                ctx.response().putHeader("content-type", CONTENT_TYPE).end(r.result());
            } else {
                ctx.response().setStatusCode(500).putHeader("content-type", "text/plain; charset=utf-8")
                        .end("scrape failed: " + r.cause() + "\n");
            }
        });
    }
}
