package org.carehotline.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timed phone states in the benchmark's stream: the probe phone flips between INUSE and NOT_INUSE;
 * each flip is timed from its hand-off to the fake Asterisk's socket writer to the router's state
 * ({@link #applied}, on the link's presence thread) and to the board's first read that shows it
 * ({@link #boardShows}, on the Vert.x event loop, where the board's stream is fed).
 */
final class IngestProbes {

    static final String PHONE = "PJSIP/7999";

    private record Probe(long index, long sentNanos, String state) {}

    private final ConcurrentLinkedQueue<Probe> inFlight = new ConcurrentLinkedQueue<>();
    private final LatencyRecorder router;
    private final LatencyRecorder board;
    private final AtomicLong sent = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    final AtomicLong applied = new AtomicLong();
    private volatile Probe lastApplied;
    private long lastBoarded = -1; // event loop only

    IngestProbes(int expected) {
        router = new LatencyRecorder("event -> router state", expected);
        board = new LatencyRecorder("event -> board shows it", expected);
    }

    /** The next probe's state; call {@link #sending} right before handing it to the socket. */
    String nextState() {
        return sent.get() % 2 == 0 ? "INUSE" : "NOT_INUSE";
    }

    void sending() {
        long index = sent.getAndIncrement();
        inFlight.add(new Probe(index, System.nanoTime(), index % 2 == 0 ? "INUSE" : "NOT_INUSE"));
    }

    long sentCount() {
        return sent.get();
    }

    /** The router has the probe phone in this state. */
    void applied(String state) {
        long now = System.nanoTime();
        Probe p = inFlight.poll();
        if (p == null || !p.state().equals(state)) {
            outOfOrder.incrementAndGet();
            return;
        }
        router.record(now - p.sentNanos());
        applied.incrementAndGet();
        lastApplied = p;
    }

    /** The board read the probe counselor's phone in this state. */
    void boardShows(String deviceState) {
        Probe p = lastApplied;
        if (p != null && p.index() > lastBoarded && p.state().equals(deviceState)) {
            board.record(System.nanoTime() - p.sentNanos());
            lastBoarded = p.index();
        }
    }

    LatencyRecorder routerLag() {
        return router;
    }

    LatencyRecorder boardLag() {
        return board;
    }
}
