package org.carehotline.telephony.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.Test;

/** Loss found between asterisk-java's reader and its listener, and the reader held back before its pump overflows. */
class EventLossDetectorTest {

    private final AtomicLong lost = new AtomicLong();
    private final AtomicInteger reordered = new AtomicInteger();
    private final ReaderCounters counters = new ReaderCounters();
    private final EventLossDetector detector = new EventLossDetector(lost::addAndGet, reordered::incrementAndGet,
            counters);

    private static ManagerEvent numbered(ManagerEvent event, int seq) {
        event.setSequenceNumber(seq);
        return event;
    }

    @Test
    void aUsedEventThatNeverReachesTheListenerIsCountedLostAndOneTwiceReordered() {
        List<ManagerEvent> read = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int seq = detector.number();
            boolean used = i % 2 == 0;
            detector.framed(seq, used ? "DeviceStateChange" : "Newstate", "");
            read.add(numbered(used ? new DeviceStateChangeEvent(this) : new NewStateEvent(this), seq));
        }
        detector.delivered(read.get(0));
        detector.delivered(read.get(1));
        // read.get(2), a used one, dropped by the pump
        detector.delivered(read.get(3));
        detector.delivered(read.get(4));
        assertEquals(1, lost.get());
        assertEquals(0, reordered.get());
        detector.delivered(read.get(4));
        assertEquals(1, reordered.get(), "the same used event twice");
        assertEquals(1, lost.get());
    }

    @Test
    void theReaderWaitsWhileThePumpHoldsMoreThanItsShareAndGoesOnOnceItHasDrainedHalf() throws Exception {
        int total = EventLossDetector.MAX_IN_FLIGHT + 1;
        List<ManagerEvent> read = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            read.add(numbered(new NewStateEvent(this), detector.number()));
        }
        AtomicInteger delivered = new AtomicInteger();
        Thread reader = Thread.currentThread();
        Thread pump = Thread.ofPlatform().start(() -> {
            while (reader.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait(); // the reader is held back before anything is delivered
            }
            for (ManagerEvent e : read) {
                detector.delivered(e);
                delivered.incrementAndGet();
            }
        });
        detector.awaitRoom();
        int deliveredWhenFreed = delivered.get();
        pump.join();
        // the counter follows each delivery: it may be one behind what the reader saw
        assertTrue(deliveredWhenFreed >= total - EventLossDetector.MAX_IN_FLIGHT / 2 - 1,
                "freed after " + deliveredWhenFreed + " of " + total + " delivered");
        assertEquals(1, counters.waits.get());
        assertEquals(0, detector.inFlight());
    }

    @Test
    void eventsAsteriskJavaNeverDeliversDoNotHoldTheReaderForever() {
        for (int i = 0; i <= EventLossDetector.MAX_IN_FLIGHT; i++) {
            detector.number(); // e.g. events it has no class for: built as null, never delivered
        }
        detector.awaitRoom();
        assertEquals(0, detector.inFlight(), "given up on: the next ones are not held back by them");
        detector.awaitRoom();
        assertEquals(1, counters.waits.get());
    }

    @Test
    void usedEventsDroppedAtTheEndOfABurstAreFoundOnceTheyHaveWaitedAWholeCheck() {
        int first = detector.number();
        detector.framed(first, "DeviceStateChange", "");
        detector.delivered(numbered(new DeviceStateChangeEvent(this), first));
        for (int i = 0; i < 3; i++) { // the burst's last three, dropped by the pump
            detector.framed(detector.number(), "Hangup", "");
        }
        detector.checkStalled();
        assertEquals(0, lost.get(), "just read: they may still be on their way");
        detector.checkStalled();
        assertEquals(3, lost.get(), "still awaited a check later, with nothing delivered meanwhile");
        detector.checkStalled();
        assertEquals(3, lost.get());
    }

    @Test
    void aPumpThatStillDeliversIsNeverTakenForOneThatDropped() {
        for (int i = 0; i < 3; i++) {
            int seq = detector.number();
            detector.framed(seq, "DeviceStateChange", "");
            detector.checkStalled();
            detector.delivered(numbered(new DeviceStateChangeEvent(this), seq));
        }
        int seq = detector.number();
        detector.framed(seq, "DeviceStateChange", "");
        detector.checkStalled();
        assertEquals(0, lost.get());
    }
}
