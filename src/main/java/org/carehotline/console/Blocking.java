package org.carehotline.console;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Runs blocking work (database calls, template rendering) on a virtual thread and completes
 * the returned future back on the caller's Vert.x context, so the event loop never blocks.
 */
public final class Blocking {

    private final ExecutorService virtualThreads;

    public Blocking(ExecutorService virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    /** Runs {@code work} on a virtual thread; the future completes on the caller's Vert.x context. */
    public <T> Future<T> run(Callable<T> work) {
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        virtualThreads.execute(() -> {
            try {
                T result = work.call();
                context.runOnContext(v -> promise.complete(result));
            } catch (Throwable e) {
                context.runOnContext(v -> promise.fail(e));
            }
        });
        return promise.future();
    }
}
