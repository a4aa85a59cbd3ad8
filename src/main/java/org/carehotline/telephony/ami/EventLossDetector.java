package org.carehotline.telephony.ami;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;

/**
 * Finds the events asterisk-java lost between our socket and our listener. Its reader hands
 * every event to an {@code AsyncEventPump} whose queue holds 20,000; past that it drops the
 * event (or response) with a log line and nothing else. So {@link AmiSocket} numbers every event
 * it reads ({@code SequenceNumber}, a header Asterisk only sends with {@code debug=on}, which we
 * replace) and notes the numbers of the events the server uses; the listener checks them off in
 * order. A number skipped is an event lost; one that comes twice or too early, reordered.
 *
 * <p>The same numbers keep that queue from filling: {@link #awaitRoom} holds the reader back while
 * more than {@link #MAX_IN_FLIGHT} events are read but not yet delivered, so a slow pump slows the
 * socket (and, past manager.conf's {@code writetimeout}, Asterisk closes the session, which the link
 * sees and heals with a re-read) instead of losing events in between.
 *
 * <p>{@link #framed} and {@link #awaitRoom} run on asterisk-java's reader thread, {@link #delivered}
 * on its pump thread; the queue between them holds the numbers in flight.
 */
final class EventLossDetector {

    private static final int MASK = Integer.MAX_VALUE;
    /**
     * Events read and not yet delivered, at most. The pump's queue holds 20,000 entries; an event can
     * take two (asterisk-java adds a compatibility BridgeEvent after some Bridge* events) and
     * responses share the queue, so 8,000 events leave it room.
     */
    static final int MAX_IN_FLIGHT = 8_000;
    /** How long the reader waits without a single delivery before it reads on anyway. */
    private static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** The events the server acts on (AMI names), and the UserEvents among them. */
    static final Set<String> USED = Set.of("DeviceStateChange", "DialBegin", "DialEnd", "BridgeEnter", "Hangup",
            "UserEvent", "OriginateResponse", "CoreShowChannel", "DBGetTreeResponse");
    static final Set<String> USED_USER_EVENTS = Set.of("HotlineFallback", "HotlineFallbackEnd");
    /** The same events as asterisk-java builds them (exact classes: its compatibility events differ). */
    private static final Map<Class<?>, String> USED_CLASSES = Map.of(DeviceStateChangeEvent.class,
            "DeviceStateChange", DialBeginEvent.class, "DialBegin", DialEndEvent.class, "DialEnd",
            BridgeEnterEvent.class, "BridgeEnter", HangupEvent.class, "Hangup", HotlineFallbackEvent.class,
            "UserEvent", HotlineFallbackEndEvent.class, "UserEvent", OriginateResponseEvent.class,
            "OriginateResponse", CoreShowChannelEvent.class, "CoreShowChannel", DbGetTreeResponseEvent.class,
            "DBGetTreeResponse");

    private final ConcurrentLinkedQueue<Integer> expected = new ConcurrentLinkedQueue<>();
    private final LongConsumer onLoss;
    private final Runnable onReorder;
    private int next; // reader thread only
    /** Events the reader stopped waiting for (never delivered), reader thread only. */
    private int assumedDelivered = -1;
    /** The highest number delivered so far, -1 before the first (pump thread writes). */
    private volatile int lastDelivered = -1;
    private final ReaderCounters counters;
    /** {@link #lastDelivered} at the previous {@link #checkStalled}. */
    private int checkedAt = -2;
    private Integer checkedHead;

    /**
     * @param onLoss    told how many used events were just found missing (on the pump thread, or the
     *                  thread that calls {@link #checkStalled})
     * @param onReorder told of a used event that came twice or out of order
     */
    EventLossDetector(LongConsumer onLoss, Runnable onReorder) {
        this(onLoss, onReorder, new ReaderCounters());
    }

    /** As above, counting skipped events and the reader's waits into {@code counters}. */
    EventLossDetector(LongConsumer onLoss, Runnable onReorder, ReaderCounters counters) {
        this.onLoss = onLoss;
        this.onReorder = onReorder;
        this.counters = counters;
    }

    /** Reader thread: an event message starts; its number. */
    int number() {
        int seq = next;
        next = (next + 1) & MASK;
        counters.read.incrementAndGet();
        return seq;
    }

    /**
     * Reader thread, before a new event is read: waits while {@link #MAX_IN_FLIGHT} events are in
     * asterisk-java's pump (so that its queue never refuses one), unless nothing at all is delivered for a while.
     */
    void awaitRoom() {
        if (inFlight() <= MAX_IN_FLIGHT) {
            return;
        }
        long start = System.nanoTime();
        counters.waits.incrementAndGet();
        int seen = lastDelivered;
        long progressAt = start;
        while (inFlight() > MAX_IN_FLIGHT / 2) {
            LockSupport.parkNanos(50_000);
            long now = System.nanoTime();
            if (lastDelivered != seen) {
                seen = lastDelivered;
                progressAt = now;
            } else if (now - progressAt > STALL_NANOS) {
                // nothing delivered for a while: the rest were events asterisk-java could not build
                // (it has no class for them) or its pump is stuck; do not wait on them again
                assumedDelivered = (next - 1) & MASK;
                break;
            }
        }
        counters.waitedNanos.addAndGet(System.nanoTime() - start);
    }

    /** Events numbered but not yet delivered (reader thread). */
    int inFlight() {
        int delivered = lastDelivered;
        int assumed = assumedDelivered;
        int upTo = ((assumed - delivered) & MASK) < MASK / 2 ? assumed : delivered;
        return (next - 1 - upTo) & MASK;
    }

    /**
     * Any one thread, every second or so: used events still expected, the first of them since the
     * last call, while nothing at all was delivered meanwhile, are lost. The pump dropped them at the end of a burst, so no
     * later event shows the gap. (A pump stuck that long makes this report a loss that is not one;
     * the re-read that follows is queued behind the stuck events, so the state still ends right.)
     */
    void checkStalled() {
        int delivered = lastDelivered;
        Integer head = expected.peek();
        // the same event awaited at the last check too: not one read a moment ago
        if (delivered == checkedAt && head != null && head.equals(checkedHead)) {
            long missing = 0;
            while (expected.poll() != null) {
                missing++;
            }
            if (missing > 0) {
                onLoss.accept(missing);
            }
        }
        checkedAt = delivered;
        checkedHead = expected.peek();
    }

    /** Reader thread: an event was skipped unread ({@link UnusedEvents}). */
    void skipped() {
        counters.skipped.incrementAndGet();
    }

    ReaderCounters counters() {
        return counters;
    }

    /** Reader thread: the event numbered {@code seq} is complete; watched if the server uses it. */
    void framed(int seq, String eventName, String userEventName) {
        if (USED.contains(eventName) && (!"UserEvent".equals(eventName) || USED_USER_EVENTS.contains(userEventName))) {
            expected.add(seq);
        }
    }

    /** Pump thread: asterisk-java delivered this event. */
    void delivered(ManagerEvent event) {
        Integer seq = event.getSequenceNumber();
        if (seq == null) {
            return;
        }
        if (((seq - lastDelivered) & MASK) < MASK / 2) {
            lastDelivered = seq; // one writer: the pump thread
        }
        if (!USED_CLASSES.containsKey(event.getClass())) {
            return;
        }
        long missing = 0;
        Integer head;
        while ((head = expected.peek()) != null) {
            int ahead = (seq - head) & MASK;
            if (ahead == 0) {
                expected.poll();
                break;
            }
            if (ahead > MASK / 2) {
                head = null; // the expected one is newer: this event came twice or too late
                break;
            }
            expected.poll();
            missing++;
        }
        if (head == null) {
            onReorder.run();
        }
        if (missing > 0) {
            onLoss.accept(missing);
        }
    }
}
