package org.carehotline.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.carehotline.testing.FakeAmiServer;

/**
 * Asterisk's side of the benchmark: the calls ({@link SimulatedCall}, one FastAGI session on a
 * virtual thread each), the counselors' phones ({@link SimulatedCounselors}) and the Manager
 * Interface ({@link FakeAmiServer}: login, DeviceStateList, CoreShowChannels, PlayDTMF wake-ups,
 * and the events a real Asterisk sends during a call).
 */
final class SimulatedAsterisk {

    final int agiPort;
    final FakeAmiServer ami;
    final SimulatedCounselors counselors;
    final boolean callEvents;
    final Map<String, SimulatedCall> byChannel = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final long epoch = System.currentTimeMillis() / 1000;
    volatile Recorders recorders;
    /** Keep the number of callers constant: a caller who is done is replaced. */
    volatile boolean replace;
    /** The serve phase runs: counselor-free latencies are recorded. */
    volatile boolean serving;
    /** Replace callers the server failed (sent to fallback without routing), to fill the queue. */
    volatile boolean replaceFailed;

    // client-side counts
    final AtomicLong placed = new AtomicLong();
    final AtomicInteger open = new AtomicInteger();          // TCP sessions open
    final AtomicInteger held = new AtomicInteger();          // sessions the server is talking on
    final AtomicInteger peakHeld = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();       // in the queue (hold music), not yet dialed
    final AtomicInteger talking = new AtomicInteger();       // in Dial (ringing or talking)
    final AtomicInteger peakWaiting = new AtomicInteger();
    final AtomicLong refused = new AtomicLong();             // closed by the server before any command
    final AtomicLong served = new AtomicLong();              // a counselor answered and the talk ended
    final AtomicLong completed = new AtomicLong();           // sessions ended after being served
    final AtomicLong hungUpByCaller = new AtomicLong();
    final AtomicLong ended = new AtomicLong();               // sessions over, for any reason
    final AtomicLong fallback = new AtomicLong();            // the server set HOTLINE_RESULT=fallback
    final AtomicLong wakes = new AtomicLong();               // PlayDTMF that ended a WAIT FOR DIGIT
    final AtomicLong wakesLost = new AtomicLong();           // PlayDTMF while no WAIT FOR DIGIT ran: dropped
    final AtomicLong wakesUnknown = new AtomicLong();        // PlayDTMF for a channel that is gone
    final AtomicLong wakesNeverQueued = new AtomicLong();    // PlayDTMF for a call routed at once (never on hold)
    final AtomicLong slicesTimedOut = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final List<String> samples = new CopyOnWriteArrayList<>();

    SimulatedAsterisk(int agiPort, FakeAmiServer ami, SimulatedCounselors counselors, boolean callEvents) {
        this.agiPort = agiPort;
        this.ami = ami;
        this.counselors = counselors;
        this.callEvents = callEvents;
        ami.onAction("DeviceStateList", action -> FakeAmiServer.respondWithEvents("DeviceStateChange",
                counselors.deviceStates(), "DeviceStateListComplete").handle(action));
        ami.onAction("CoreShowChannels", FakeAmiServer.respondWithEvents("CoreShowChannel", List.of(),
                "CoreShowChannelsComplete"));
        ami.onAction("PlayDTMF", this::playDtmf);
    }

    /** A new caller dials the hotline. */
    void place() {
        long n = sequence.incrementAndGet();
        placed.incrementAndGet();
        SimulatedCall call = new SimulatedCall(this, n, "PJSIP/hotline-trunk-%08x".formatted(n), epoch + "." + n,
                "139%08d".formatted(n));
        Thread.ofVirtual().name("sim-call-" + n).start(call::run);
    }

    /** Every caller still on the line hangs up. */
    /** Calls connected (or connecting) that are neither on hold nor in Dial: being set up by the server. */
    int inSetup() {
        return open.get() - waiting.get() - talking.get();
    }

    void hangUpAll() {
        replace = false;
        replaceFailed = false;
        byChannel.values().forEach(SimulatedCall::hangUp);
    }

    /** AMI PlayDTMF with Receive: yes: the digit reaches the channel; only a running WAIT FOR DIGIT sees it. */
    private List<Map<String, String>> playDtmf(Map<String, String> action) {
        SimulatedCall call = byChannel.get(action.getOrDefault("Channel", ""));
        if (call == null) {
            wakesUnknown.incrementAndGet();
            return List.of(FakeAmiServer.message("Response", "Error", "Message", "Channel not found"));
        }
        if (call.wake(action.getOrDefault("Digit", ""))) {
            wakes.incrementAndGet();
        } else if (!call.everQueued()) {
            wakesNeverQueued.incrementAndGet();
        } else {
            wakesLost.incrementAndGet();
            sample("PlayDTMF dropped, the call's last command: " + call.lastCommand());
        }
        return List.of(FakeAmiServer.message("Response", "Success", "Message", "DTMF successfully queued"));
    }

    // ---- reported by calls ----

    void sessionStarted() {
        peak(peakHeld, held.incrementAndGet());
    }

    void queued() {
        peak(peakWaiting, waiting.incrementAndGet());
    }

    void sample(String what) {
        if (samples.size() < 10) {
            samples.add(what);
        }
    }

    /** A call is over; a replacement dials in if the load is kept constant. */
    void ended(SimulatedCall call, boolean refusedByServer, boolean served) {
        ended.incrementAndGet();
        if (!replace && !(replaceFailed && !refusedByServer && !served)) {
            return;
        }
        if (refusedByServer) {
            // the dialplan sends a refused caller to its fallback group; their line stays busy meanwhile
            int talk = counselors.talkMs();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(talk);
                } catch (InterruptedException e) {
                    return;
                }
                if (replace) {
                    place();
                }
            });
        } else {
            place();
        }
    }

    void event(String name, String... keyValues) {
        if (callEvents) {
            ami.sendEvent(name, keyValues);
        }
    }

    private static void peak(AtomicInteger peak, int value) {
        peak.accumulateAndGet(value, Math::max);
    }
}
