package org.carehotline.console;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.carehotline.console.auth.Sessions;
import org.carehotline.console.auth.User;

/**
 * {@code GET /events}: one Server-Sent Events stream per signed-in browser. A user hears their
 * own calls ({@code call}: offered / answered), board changes ({@code board}, at most one a
 * second, since routing reports a change on every tick) and, for supervisors and
 * administrators, crisis alerts ({@code crisis}, stored ones with their id); every user hears an
 * acknowledged alert ({@code alert}). Board events are skipped while the board's
 * signature is unchanged, except every few seconds so that waits move on. The browser fetches the server-rendered
 * fragments it needs, so every page is rendered (and escaped) by the templates alone.
 */
final class LiveStream {

    private static final long BOARD_INTERVAL_MS = 1000;
    /** Even when nothing changed, boards refresh this often, so waits and today's figures move on. */
    private static final long BOARD_REFRESH_MS = 5000;
    private static final long HEARTBEAT_MS = 15_000;

    private final Vertx vertx;
    private final Supplier<String> boardSignature;

    /** @param boardSignature quick: what the board shows, to skip refreshes that change nothing */
    LiveStream(Vertx vertx, Supplier<String> boardSignature) {
        this.vertx = vertx;
        this.boardSignature = boardSignature;
    }

    void open(RoutingContext ctx) {
        User user = Sessions.user(ctx).orElseThrow();
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-store").putHeader("x-accel-buffering", "no");
        response.write("retry: 2000\n\n");
        Stream stream = new Stream(response);
        stream.consumers.add(vertx.eventBus().<JsonObject>consumer(EventBusLiveFeed.counselorAddress(user.id()),
                m -> stream.send("call", m.body().encode())));
        stream.consumers.add(vertx.eventBus().consumer(EventBusLiveFeed.BOARD, m -> stream.boardChanged()));
        if (user.seesAllCases()) {
            stream.consumers.add(vertx.eventBus().<JsonObject>consumer(EventBusLiveFeed.CRISIS,
                    m -> stream.send("crisis", m.body().encode())));
        }
        // every screen drops an acknowledged alert's banner
        stream.consumers.add(vertx.eventBus().<JsonObject>consumer(EventBusLiveFeed.ACKNOWLEDGED,
                m -> stream.send("alert", m.body().encode())));
        stream.heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> stream.write(": ping\n\n"));
        response.closeHandler(v -> stream.close());
        response.exceptionHandler(e -> stream.close());
    }

    /** One open stream, touched only on its event loop. */
    private final class Stream {
        final HttpServerResponse response;
        final List<MessageConsumer<?>> consumers = new ArrayList<>();
        long heartbeat;
        long lastBoard;
        String lastSignature = "";
        boolean boardPending;
        boolean closed;

        Stream(HttpServerResponse response) {
            this.response = response;
        }

        void boardChanged() {
            if (boardPending || closed) {
                return;
            }
            boardPending = true;
            long wait = Math.max(1, lastBoard + BOARD_INTERVAL_MS - System.currentTimeMillis());
            vertx.setTimer(wait, id -> {
                boardPending = false;
                long now = System.currentTimeMillis();
                String signature = boardSignature.get();
                if (signature.equals(lastSignature) && now - lastBoard < BOARD_REFRESH_MS) {
                    return;
                }
                lastSignature = signature;
                lastBoard = now;
                send("board", "{}");
            });
        }

        void send(String event, String data) {
            write("event: " + event + "\ndata: " + data + "\n\n");
        }

        void write(String text) {
            if (!closed && !response.closed()) {
                response.write(text);
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            vertx.cancelTimer(heartbeat);
            consumers.forEach(MessageConsumer::unregister);
        }
    }
}
