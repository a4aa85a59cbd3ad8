package org.carehotline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import org.carehotline.testing.FakeAmiServer;

/**
 * The counselors' phones as Asterisk sees them: PJSIP/7000, 7001, ... Each rings for a random
 * time before the counselor answers, then the conversation lasts a random talk time. Device
 * states go to the server as AMI {@code DeviceStateChange} events whenever a phone changes
 * between NOT_INUSE and INUSE (in a call from the hotline, or "busy elsewhere": a phase of the
 * benchmark in which every counselor is on another line, so that callers queue up).
 *
 * <p>Also remembers, per counselor, when they became free while callers were waiting: the
 * start of the counselor-free → dial latency.
 */
final class SimulatedCounselors {

    /** Why a counselor is free: their hotline call ended, or they came back from another line. */
    static final int FREE_CALL_ENDED = 1;
    static final int FREE_SIGNED_ON = 2;

    private final int count;
    private final FakeAmiServer ami;
    private final int ringMinMs;
    private final int ringMaxMs;
    private final int talkMinMs;
    private final int talkMaxMs;
    private final Object[] locks;
    private final boolean[] onCall;         // guarded by locks[i]
    private final boolean[] busyElsewhere;  // guarded by locks[i]
    private final String[] reported;        // guarded by locks[i]
    /** System.nanoTime() when counselor i became free with callers waiting, 0 when not pending; see freeKind. */
    private final AtomicLongArray freeAt;
    private final int[] freeKind;
    private final boolean[] dialing;        // guarded by locks[i]: a Dial to this phone is in progress
    final java.util.concurrent.atomic.AtomicLong doubleBooked = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean shortCalls;

    SimulatedCounselors(int count, FakeAmiServer ami, int ringMinMs, int ringMaxMs, int talkMinMs, int talkMaxMs) {
        this.count = count;
        this.ami = ami;
        this.ringMinMs = ringMinMs;
        this.ringMaxMs = ringMaxMs;
        this.talkMinMs = talkMinMs;
        this.talkMaxMs = talkMaxMs;
        this.locks = new Object[count];
        this.onCall = new boolean[count];
        this.busyElsewhere = new boolean[count];
        this.reported = new String[count];
        this.freeAt = new AtomicLongArray(count);
        this.freeKind = new int[count];
        this.dialing = new boolean[count];
        for (int i = 0; i < count; i++) {
            locks[i] = new Object();
            reported[i] = "NOT_INUSE";
        }
    }

    int count() {
        return count;
    }

    static String endpoint(int i) {
        return "PJSIP/" + (BenchServer.FIRST_EXTENSION + i);
    }

    /** The counselor index of a Dial argument such as {@code PJSIP/7012,20}, or -1. */
    int indexOfDial(String dialArgument) {
        if (!dialArgument.startsWith("PJSIP/")) {
            return -1;
        }
        int end = dialArgument.indexOf(',');
        try {
            int i = Integer.parseInt(dialArgument.substring(6, end < 0 ? dialArgument.length() : end))
                    - BenchServer.FIRST_EXTENSION;
            return i >= 0 && i < count ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What DeviceStateList reports after an AMI login. */
    List<Map<String, String>> deviceStates() {
        List<Map<String, String>> states = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            synchronized (locks[i]) {
                states.add(FakeAmiServer.message("Device", endpoint(i), "State", reported[i]));
            }
        }
        return states;
    }

    /** Every counselor's phone on another line (true) or back (false); coming back counts as becoming free. */
    void setBusyElsewhere(boolean busy) {
        for (int i = 0; i < count; i++) {
            synchronized (locks[i]) {
                busyElsewhere[i] = busy;
                if (!busy && !onCall[i]) {
                    markFree(i, FREE_SIGNED_ON);
                }
                report(i);
            }
        }
    }

    /** Calls made from now on last the minimum talk time (warm-up calls). */
    void shortCalls(boolean on) {
        shortCalls = on;
    }

    int ringMs() {
        return between(ringMinMs, ringMaxMs);
    }

    int talkMs() {
        return shortCalls ? talkMinMs : between(talkMinMs, talkMaxMs);
    }

    /** A Dial to counselor i starts; false if one is already in progress (the router offered them twice). */
    boolean dialStarted(int i) {
        synchronized (locks[i]) {
            if (dialing[i]) {
                doubleBooked.incrementAndGet();
                return false;
            }
            dialing[i] = true;
            return true;
        }
    }

    void dialEnded(int i) {
        synchronized (locks[i]) {
            dialing[i] = false;
        }
    }

    /** The counselor answered a hotline call. */
    void answered(int i) {
        synchronized (locks[i]) {
            onCall[i] = true;
            report(i);
        }
    }

    /** The hotline call ended (the counselor hung up). */
    void hungUp(int i) {
        synchronized (locks[i]) {
            onCall[i] = false;
            report(i);
        }
    }

    /** Marks counselor i free now (if nothing is pending for them), for the latency to their next dial. */
    void markFree(int i, int kind) {
        synchronized (locks[i]) {
            if (!busyElsewhere[i]) {
                freeKind[i] = kind;
                freeAt.set(i, System.nanoTime());
            }
        }
    }

    /** Takes the pending free time of counselor i: {nanoTime, kind}, or null. */
    long[] takeFree(int i) {
        synchronized (locks[i]) {
            long at = freeAt.getAndSet(i, 0);
            return at == 0 ? null : new long[] {at, freeKind[i]};
        }
    }

    /** Forgets pending free times (between phases). */
    void clearFree() {
        for (int i = 0; i < count; i++) {
            freeAt.set(i, 0);
        }
    }

    private void report(int i) {
        String state = onCall[i] || busyElsewhere[i] ? "INUSE" : "NOT_INUSE";
        if (!state.equals(reported[i])) {
            reported[i] = state;
            ami.sendEvent("DeviceStateChange", "Privilege", "call,all", "Device", endpoint(i), "State", state);
        }
    }

    private static int between(int min, int max) {
        return max <= min ? min : ThreadLocalRandom.current().nextInt(min, max + 1);
    }
}
