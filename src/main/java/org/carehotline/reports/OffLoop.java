package org.carehotline.reports;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Runs blocking work (aggregations, imports, template input) on a virtual thread and completes
 * the future back on the caller's Vert.x context, so the event loop never blocks. The same idea
 * as console/Blocking, which is package-private there.
 */
final class OffLoop {

    private final ExecutorService virtualThreads;

    OffLoop(ExecutorService virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    <T> Future<T> run(Callable<T> work) {
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
