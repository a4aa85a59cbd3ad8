package org.carehotline.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.types.ObjectId;
import org.carehotline.routing.PresenceChange;
import org.carehotline.routing.PresenceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the presence log off the routing path: the router hands each change to a bounded queue
 * (no I/O, no waiting, under its lock), and one virtual thread turns the queued changes into
 * intervals and writes them in a batch every {@link #FLUSH_EVERY}. If the database is down the
 * writes are kept and retried; if the queue fills meanwhile, changes are dropped and counted
 * rather than ever slowing routing down.
 *
 * <p>Crash safety: an interval is stored when it opens ({@code to} empty), and this server marks
 * its open intervals as seen every {@link #HEARTBEAT_EVERY}. A crash loses at most the end of the
 * intervals open at that moment: on the next start (and on every heartbeat) intervals nobody has
 * marked for {@link #STALE_AFTER} are closed when they were last seen, or at their own end (a
 * wrap-up) if that came first. A clean shutdown closes them at once.
 */
public final class PresenceRecorder implements PresenceListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresenceRecorder.class);
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = HEARTBEAT_EVERY.multipliedBy(3);
    /** About an hour of a busy line's changes: enough to ride out a database restart. */
    static final int MAX_QUEUED = 100_000;

    private final BlockingQueue<PresenceChange> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final AtomicLong dropped = new AtomicLong();
    private final PresenceIntervals intervals = new PresenceIntervals(() -> new ObjectId().toHexString());
    private final List<IntervalWrite> unwritten = new ArrayList<>();
    /** Not synchronized: a virtual thread blocked on the database inside it would pin its carrier on Java 21. */
    private final ReentrantLock lock = new ReentrantLock();
    private final PresenceLogRepository repository;
    private final String server;
    private final Clock clock;
    private Instant lastHeartbeat = Instant.MIN;
    private volatile boolean running;
    private Thread flusher;

    /** @param server this process's instance id, written on its intervals */
    public PresenceRecorder(PresenceLogRepository repository, String server, Clock clock) {
        this.repository = repository;
        this.server = server;
        this.clock = clock;
    }

    /** Queues the change; never blocks (see {@link PresenceListener}). */
    @Override
    public void presenceChanged(PresenceChange change) {
        if (!queue.offer(change)) {
            dropped.incrementAndGet();
        }
    }

    /** Closes what earlier runs left open, then starts the flusher thread. */
    public void start() {
        try {
            int closed = repository.closeStale(server, clock.instant().minus(STALE_AFTER));
            if (closed > 0) {
                log.info("Presence log: closed {} intervals left open by an earlier run", closed);
            }
        } catch (RuntimeException e) {
            log.warn("Presence log: cannot close earlier intervals yet ({}); retried on the heartbeat", e.toString());
        }
        running = true;
        flusher = Thread.ofVirtual().name("presence-log").start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(FLUSH_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }

    /**
     * Writes what has been queued, ends wrap-ups whose time is up, and every
     * {@link #HEARTBEAT_EVERY} marks the open intervals seen and closes stale ones. Runs on the
     * flusher thread; tests call it to write at once.
     */
    public void flush() {
        lock.lock();
        try {
            flushLocked(clock.instant());
        } finally {
            lock.unlock();
        }
    }

    private void flushLocked(Instant now) {
        drainQueue();
        unwritten.addAll(intervals.endWrapUps(now));
        try {
            writePending(now);
            if (!now.isBefore(lastHeartbeat.plus(HEARTBEAT_EVERY)) || now.isBefore(lastHeartbeat)) {
                repository.heartbeat(server, now);
                repository.closeStale(server, now.minus(STALE_AFTER));
                lastHeartbeat = now;
            }
        } catch (RuntimeException e) {
            log.warn("Presence log: {} writes wait for the database ({})", unwritten.size(), e.toString());
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Presence log: queue full, {} presence changes dropped", lost);
        }
    }

    private void drainQueue() {
        List<PresenceChange> batch = new ArrayList<>();
        queue.drainTo(batch);
        batch.forEach(change -> unwritten.addAll(intervals.apply(change)));
    }

    private void writePending(Instant now) {
        if (!unwritten.isEmpty()) {
            repository.write(unwritten, server, now);
            unwritten.clear();
        }
    }

    /** Stops the flusher, writes what is queued and closes every open interval now. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            if (flusher != null) {
                flusher.interrupt();
            }
            Instant now = clock.instant();
            drainQueue();
            unwritten.addAll(intervals.closeAll(now));
            writePending(now);
        } catch (RuntimeException e) {
            log.warn("Presence log: {} writes lost at shutdown ({})", unwritten.size(), e.toString());
        } finally {
            lock.unlock();
        }
    }
}
