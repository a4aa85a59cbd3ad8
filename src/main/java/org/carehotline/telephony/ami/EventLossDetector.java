package org.carehotline.telephony.ami;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>{@link #framed} runs on asterisk-java's reader thread, {@link #delivered} on its pump
 * thread; the queue between them holds the numbers in flight.
 */
final class EventLossDetector {

    private static final int MASK = Integer.MAX_VALUE;

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

    /**
     * @param onLoss    told how many used events were just found missing (on the pump thread)
     * @param onReorder told of a used event that came twice or out of order
     */
    EventLossDetector(LongConsumer onLoss, Runnable onReorder) {
        this.onLoss = onLoss;
        this.onReorder = onReorder;
    }

    /** Reader thread: an event message starts; its number. */
    int number() {
        int seq = next;
        next = (next + 1) & MASK;
        return seq;
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
        if (seq == null || !USED_CLASSES.containsKey(event.getClass())) {
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
