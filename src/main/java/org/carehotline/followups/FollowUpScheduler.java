package org.carehotline.followups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due follow-ups from MongoDB and hands each to the {@link FollowUpDispatcher}, on its
 * own virtual threads (never a Vert.x event loop). Any number of instances, in one JVM or
 * many, can run on one database: claims are atomic with a lease, so each follow-up is held by
 * one of them at a time, and one that dies leaves its claims to the others once the leases
 * lapse. The database is the only truth: nothing is remembered in memory between polls.
 */
public final class FollowUpScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FollowUpScheduler.class);

    /** Most follow-ups claimed from one read of the due list. */
    private static final int MAX_BATCH = 256;

    private final String instanceId;
    private final FollowUpRepository followUps;
    private final FollowUpDispatcher dispatcher;
    private final Clock clock;
    private final Duration lease;
    private final Duration pollInterval;
    private final int concurrency;
    private final Semaphore slots;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong claimed = new AtomicLong();
    private volatile boolean running;
    private Thread loop;

    /**
     * @param instanceId   names this instance in leases (unique per process)
     * @param pollInterval the pause after a poll that found nothing due
     * @param concurrency  follow-ups dispatched at once by this instance
     */
    public FollowUpScheduler(String instanceId, FollowUpRepository followUps, FollowUpDispatcher dispatcher,
                             Clock clock, Duration lease, Duration pollInterval, int concurrency) {
        this.instanceId = instanceId;
        this.followUps = followUps;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
    }

    public void start() {
        running = true;
        loop = Thread.ofVirtual().name("followups-" + instanceId).start(this::run);
    }

    /** Follow-ups this instance claimed since start. */
    public long claimed() {
        return claimed.get();
    }

    /**
     * Claims and dispatches whatever is due now, once; returns how many (for tests that step the
     * clock). Claims in batches of as many follow-ups as there are free dispatch slots (up to
     * {@link #MAX_BATCH}), so one read of the due list serves many claims.
     */
    public int pollOnce() throws InterruptedException {
        int n = 0;
        while (true) {
            slots.acquire();
            int wanted = 1 + takeFreeSlots(MAX_BATCH - 1);
            List<FollowUp> batch;
            try {
                Instant now = clock.instant();
                batch = followUps.claimDue(instanceId, now, now.plus(lease), wanted);
            } catch (RuntimeException e) {
                slots.release(wanted);
                throw e;
            }
            slots.release(wanted - batch.size());
            claimed.addAndGet(batch.size());
            n += batch.size();
            batch.forEach(this::dispatchInBackground);
            if (batch.isEmpty()) {
                // nothing due, or other instances took it all: either way, wait for the next poll
                return n;
            }
        }
    }

    private int takeFreeSlots(int atMost) {
        int taken = 0;
        while (taken < atMost && slots.tryAcquire()) {
            taken++;
        }
        return taken;
    }

    private void dispatchInBackground(FollowUp f) {
        workers.execute(() -> {
            try {
                dispatcher.dispatch(f);
            } catch (RuntimeException e) {
                // the claim stays until its lease lapses, then it is taken over
                log.error("Follow-up {} failed in dispatch; retried after its lease", f.id(), e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every dispatch started so far has finished (for tests). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        if (slots.tryAcquire(concurrency, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            slots.release(concurrency);
        }
    }

    private void run() {
        while (running) {
            try {
                if (pollOnce() == 0) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Follow-up poll failed ({}); trying again", e.toString());
                try {
                    Thread.sleep(Math.max(1000, pollInterval.toMillis()));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /**
     * Stops claiming at once, like a crash: claims in hand are not given back and are taken
     * over by other instances when their leases lapse.
     */
    public void kill() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        workers.shutdownNow();
    }

    /** Stops claiming and lets dispatches under way finish; their calls are reported as usual. */
    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
