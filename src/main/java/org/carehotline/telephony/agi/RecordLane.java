package org.carehotline.telephony.agi;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's records, written one after another on virtual threads, so that the caller's path
 * (a found counselor to the {@code Dial}) never waits for the database. Writes keep their order;
 * one that fails is logged and the next still runs, because a lost log line must not stop a
 * caller from reaching a counselor. The call flow waits for the lane at the end of the call, so
 * the records are complete when the AGI session closes.
 */
final class RecordLane {

    private static final Logger log = LoggerFactory.getLogger(RecordLane.class);

    private final ExecutorService executor;
    private final String callId;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    RecordLane(ExecutorService executor, String callId) {
        this.executor = executor;
        this.callId = callId;
    }

    /** Queues a write behind the ones before it. Called from the call's own session thread only. */
    void write(String what, Runnable write) {
        tail = tail.thenRunAsync(write, executor).exceptionally(e -> {
            log.warn("Call {}: could not record {} ({})", callId, what, e.getCause() != null ? e.getCause() : e);
            return null;
        });
    }

    /** Waits until every queued write has run, at most {@code max}. */
    void awaitWritten(Duration max) {
        try {
            tail.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Call {}: records still being written after {} ms", callId, max.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Call {}: {}", callId, e.toString());
        }
    }
}
