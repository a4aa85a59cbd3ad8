package org.carehotline.telephony.ami;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.SendActionCallback;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.DbDelAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.carehotline.cases.FallbackCall;
import org.carehotline.config.HotlineConfig.AmiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link to Asterisk's Manager Interface, kept up by us: log in, re-read device and channel
 * state, watch for a disconnect (and ping to find a silent one), and on failure retry with
 * exponential backoff. The server starts whether or not Asterisk is there.
 *
 * <p>The event listener never blocks asterisk-java's reader: it only queues the event. Two
 * virtual threads hand events to {@link CallEvents} in order: one for phone states (quick, in
 * memory), one for call events (which may touch the database), so presence never lags behind.
 *
 * <p>Asterisk sends only what the server reads: the login asks for {@link #EVENT_MASK} and
 * manager.conf's {@code eventfilter} lines keep the rest of those classes back; what still comes
 * and nobody reads is skipped at the socket ({@link UnusedEvents}). asterisk-java's event pump drops
 * events when its queue is full; the socket holds its reader back before that
 * ({@link EventLossDetector#awaitRoom}), so a link slower than Asterisk slows Asterisk's writes
 * (Asterisk closes the session after its {@code writetimeout}, and the next login re-reads the
 * state). A used event lost all the same is found by the {@link EventLossDetector}, counted,
 * logged, and followed by the same re-read as after a login.
 */
public final class AmiLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);
    private static final long PING_INTERVAL_MS = 20_000;
    /** How often the link looks for used events that the pump never delivered and nothing followed. */
    private static final long TAIL_CHECK_MS = 1_000;
    /**
     * The classes of events the server reads (Asterisk's {@code Events:} login header): call
     * (channels, dials, bridges, hang-ups, device states, OriginateResponse), user (the fallback
     * group's UserEvents), system (FullyBooted after a restart). Not dialplan (Newexten, VarSet:
     * one per priority, most of a busy Asterisk's stream), not reporting (RTCP), not agent.
     */
    static final String EVENT_MASK = "call,user,system";
    private static final long LOSS_LOG_INTERVAL_MS = 1000;

    /** A marker in the event queue: the link was re-read; these channels are live, these fallback calls in AstDB. */
    private record Resynchronized(Set<String> liveUniqueIds, Instant snapshotAt, List<FallbackCall> fallbackCalls) {}

    private final AmiConfig config;
    private final CallEvents events;
    private final AmiEventTranslator translator;
    private final Clock clock;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /** Phone states go apart: presence must not wait behind call events that touch the database. */
    private final BlockingQueue<Object> presenceQueue = new LinkedBlockingQueue<>();
    private final Semaphore disconnected = new Semaphore(0);
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong eventsLost = new AtomicLong();
    private final AtomicLong eventsReordered = new AtomicLong();
    private final AtomicLong lossResyncs = new AtomicLong();
    private final ReaderCounters readerCounters = new ReaderCounters();
    private final java.util.concurrent.atomic.AtomicBoolean resyncWanted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lossLoggedAt;
    private volatile EventLossDetector detector;
    private final java.util.List<java.util.function.Consumer<ManagerEvent>> extraListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ManagerConnection current;
    /** Tests only: called on asterisk-java's pump thread before the link's own listener. */
    private volatile ManagerEventListener pumpListener;
    private volatile AmiStatus status;
    private volatile boolean closed;
    private Thread supervisor;
    private Thread dispatcher;
    private Thread presenceDispatcher;

    /** Registered so that the reader has someone to hand the response to (else it logs it as lost). */
    private static final SendActionCallback IGNORE_RESPONSE = response -> { };

    public AmiLink(AmiConfig config, CallEvents events, Clock clock) {
        this.config = config;
        this.events = events;
        this.translator = new AmiEventTranslator(events, clock, this::forgetFallbackCall);
        this.clock = clock;
        this.status = new AmiStatus("CONNECTING", address(), clock.instant(), 0, "");
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        dispatcher = Thread.ofVirtual().name("ami-events").start(() -> dispatchEvents(queue));
        presenceDispatcher = Thread.ofVirtual().name("ami-presence").start(() -> dispatchEvents(presenceQueue));
        supervisor = Thread.ofVirtual().name("ami-link").start(this::superviseLink);
    }

    public AmiStatus status() {
        return status;
    }

    /** Events received since start (all connections). */
    public long eventsReceived() {
        return eventsReceived.get();
    }

    /** Events the server uses that asterisk-java dropped, found missing since start (all connections). */
    public long eventsLost() {
        return eventsLost.get();
    }

    /** Events the server uses that asterisk-java delivered twice or out of order. */
    public long eventsReordered() {
        return eventsReordered.get();
    }

    /** Re-reads of device and channel state made because events were lost. */
    public long lossResyncs() {
        return lossResyncs.get();
    }

    /** Events skipped at the socket, unread, because no part of the server uses them (all connections). */
    public long eventsSkipped() {
        return readerCounters.skipped.get();
    }

    /**
     * Times asterisk-java's reader was held back because its event pump had
     * {@value EventLossDetector#MAX_IN_FLIGHT} events queued (all connections): the link slowed the
     * socket rather than let the pump's queue overflow.
     */
    public long readerWaits() {
        return readerCounters.waits.get();
    }

    /** Events read from Asterisk and handed to asterisk-java (all connections; the skipped ones not). */
    long eventsRead() {
        return readerCounters.read.get();
    }

    /**
     * Tests only: {@code first} sees every event on asterisk-java's pump thread before the link does,
     * from the next login on; one that blocks stalls the pump as a slow listener would.
     */
    void listenOnPumpFirst(ManagerEventListener first) {
        this.pumpListener = first;
    }

    /** True while logged in to Asterisk: actions can be sent. */
    public boolean connected() {
        ManagerConnection c = current;
        return c != null && c.getState() == ManagerConnectionState.CONNECTED;
    }

    /**
     * Writes an action on the live connection and returns at once: Asterisk's response is read
     * and dropped. For actions whose effect is checked otherwise (a wake-up is repeated until
     * the session has taken its offer); saves the caller a wait and a thread hand-off.
     *
     * @throws IllegalStateException when the link is down
     */
    public void sendWithoutWaiting(ManagerAction action) throws IOException {
        ManagerConnection connection = current;
        if (connection == null || connection.getState() != ManagerConnectionState.CONNECTED) {
            throw new IllegalStateException("the AMI link to " + address() + " is down");
        }
        connection.sendAction(action, IGNORE_RESPONSE);
    }

    /**
     * Sends an action on the live connection. Blocking (up to asterisk-java's response timeout).
     *
     * @throws IllegalStateException when the link is down
     */
    public ManagerResponse send(ManagerAction action) throws Exception {
        ManagerConnection connection = current;
        if (connection == null || connection.getState() != ManagerConnectionState.CONNECTED) {
            throw new IllegalStateException("the AMI link to " + address() + " is down");
        }
        return connection.sendAction(action);
    }

    /**
     * Also hands every event to {@code listener}, on the link's event thread, after the call
     * events: it must return quickly (hand blocking work to a virtual thread). For features with
     * events of their own, such as the originator's OriginateResponse.
     */
    public void addListener(java.util.function.Consumer<ManagerEvent> listener) {
        extraListeners.add(listener);
    }

    private void superviseLink() {
        long backoff = config.reconnectInitialMs();
        int connects = 0;
        while (!closed) {
            EventLossDetector lossDetector = new EventLossDetector(this::lost, this::reordered, readerCounters);
            ManagerConnection connection = new AmiConnection(config.host(), config.port(), config.user(),
                    config.secret(), lossDetector);
            detector = lossDetector;
            ManagerEventListener first = pumpListener;
            if (first != null) {
                connection.addEventListener(first);
            }
            connection.addEventListener(listener);
            connection.registerUserEventClass(HotlineFallbackEvent.class);
            connection.registerUserEventClass(HotlineFallbackEndEvent.class);
            connection.registerUserEventClass(DbGetTreeResponseEvent.class);
            connection.registerUserEventClass(DbGetTreeCompleteEvent.class);
            String error = "";
            try {
                disconnected.drainPermits();
                resyncWanted.set(false);
                connection.login(EVENT_MASK);
                connects++;
                current = connection;
                status = new AmiStatus("CONNECTED", address(), clock.instant(), connects, "");
                log.info("AMI connected to {} (login {})", address(), connects);
                backoff = config.reconnectInitialMs();
                resynchronize(connection);
                watch(connection);
                error = "connection lost";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } finally {
                current = null;
                stop(connection);
            }
            if (closed) {
                return;
            }
            log.warn("AMI link to {} down ({}); retrying in {} ms", address(), error, backoff);
            status = new AmiStatus("RETRYING", address(), clock.instant(), connects, error);
            if (!sleep(backoff)) {
                return;
            }
            backoff = Math.min(backoff * 2, config.reconnectMaxMs());
        }
    }

    /**
     * Waits until the connection drops, pinging it so that a silent failure is noticed too; re-reads
     * the state when events were lost. A re-read that fails ends the connection (the next login
     * re-reads it all).
     */
    private void watch(ManagerConnection connection) throws Exception {
        long lastPing = System.nanoTime();
        while (!closed) {
            if (disconnected.tryAcquire(TAIL_CHECK_MS, TimeUnit.MILLISECONDS)) {
                if (resyncWanted.getAndSet(false)) {
                    lossResyncs.incrementAndGet();
                    log.warn("AMI: re-reading device states and channels after {} lost event(s) in all",
                            eventsLost.get());
                    resynchronize(connection);
                    continue;
                }
                return;
            }
            // events dropped at the end of a burst: no later event shows the gap
            EventLossDetector d = detector;
            if (d != null) {
                d.checkStalled();
            }
            if (System.nanoTime() - lastPing < TimeUnit.MILLISECONDS.toNanos(PING_INTERVAL_MS)) {
                continue;
            }
            lastPing = System.nanoTime();
            try {
                connection.sendAction(new PingAction(), 5000);
            } catch (Exception e) {
                return;
            }
        }
    }

    /**
     * After every login: device states, live channels and the fallback calls the dialplan wrote
     * into AstDB, because events were missed meanwhile.
     */
    private void resynchronize(ManagerConnection connection) throws Exception {
        connection.sendAction(new DeviceStateListAction());
        Instant snapshotAt = clock.instant();
        ResponseEvents channels = connection.sendEventGeneratingAction(new CoreShowChannelsAction());
        Set<String> live = new HashSet<>();
        for (var event : channels.getEvents()) {
            if (event instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                live.add(channel.getUniqueid());
            }
        }
        queue.add(new Resynchronized(Set.copyOf(live), snapshotAt, fallbackCalls(connection)));
    }

    /** The fallback calls in AstDB; none (logged) if Asterisk cannot list them, which must not cost the link. */
    private List<FallbackCall> fallbackCalls(ManagerConnection connection) {
        List<FallbackCall> calls = new ArrayList<>();
        try {
            ResponseEvents entries = connection.sendEventGeneratingAction(new DbGetTreeAction(FallbackRecords.FAMILY));
            if (entries.getResponse() instanceof ManagerError error) {
                log.warn("AMI DBGetTree refused ({}): fallback calls are recorded from live events only",
                        error.getMessage());
            }
            for (var event : entries.getEvents()) {
                if (event instanceof DbGetTreeResponseEvent entry && entry.getKey() != null) {
                    calls.add(FallbackRecords.parse(entry.getKey(), entry.getVal()));
                }
            }
        } catch (Exception e) {
            log.warn("AMI DBGetTree failed ({}): fallback calls are recorded from live events only", e.toString());
        }
        return List.copyOf(calls);
    }

    /** On the pump thread: used events found missing; the supervisor re-reads the state. */
    private void lost(long count) {
        long total = eventsLost.addAndGet(count);
        long now = System.currentTimeMillis();
        if (now - lossLoggedAt >= LOSS_LOG_INTERVAL_MS) {
            lossLoggedAt = now;
            log.error("AMI: {} event(s) the server uses were dropped by asterisk-java ({} in all): its event "
                    + "queue was full; re-reading device states and channels", count, total);
        }
        if (!resyncWanted.getAndSet(true)) {
            disconnected.release();
        }
    }

    private void reordered() {
        if (eventsReordered.incrementAndGet() == 1) {
            log.error("AMI: an event the server uses came twice or out of order");
        }
    }

    private final ManagerEventListener listener = event -> {
        // Runs on asterisk-java's event pump thread: queue and return, never block it.
        eventsReceived.incrementAndGet();
        EventLossDetector d = detector;
        if (d != null) {
            d.delivered(event);
        }
        if (event instanceof DisconnectEvent) {
            disconnected.release();
        } else if (event instanceof DeviceStateChangeEvent) {
            presenceQueue.add(event);
        } else {
            queue.add(event);
        }
    };

    private void dispatchEvents(BlockingQueue<Object> source) {
        while (!closed) {
            try {
                Object next = source.take();
                if (next instanceof Resynchronized r) {
                    // Asterisk's own record of fallback calls first: closing the calls that ended
                    // while the link was down must not win over their real end times
                    events.fallbackBacklog(r.fallbackCalls(), r.liveUniqueIds()).forEach(this::forgetFallbackCall);
                    events.resynchronized(r.liveUniqueIds(), r.snapshotAt());
                } else {
                    translator.translate((ManagerEvent) next);
                    extraListeners.forEach(l -> l.accept((ManagerEvent) next));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("AMI event handling failed; continuing with the next event", e);
            }
        }
    }

    /**
     * Deletes a fallback call's AstDB entry once it is in the record. Not waited for: an entry
     * whose delete is lost is imported again at the next login, which changes nothing.
     */
    private void forgetFallbackCall(String uniqueId) {
        try {
            sendWithoutWaiting(new DbDelAction(FallbackRecords.FAMILY, uniqueId));
        } catch (IOException | IllegalStateException e) {
            log.debug("AstDB entry of fallback call {} kept for the next login: {}", uniqueId, e.toString());
        }
    }

    /** Stops the connection and asterisk-java's own reconnect thread for it (we reconnect ourselves). */
    private static void stop(ManagerConnection connection) {
        try {
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                connection.logoff();
            }
        } catch (RuntimeException e) {
            log.debug("AMI logoff: {}", e.toString());
        }
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String address() {
        return config.host() + ":" + config.port();
    }

    @Override
    public void close() {
        closed = true;
        disconnected.release();
        if (supervisor != null) {
            supervisor.interrupt();
        }
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        if (presenceDispatcher != null) {
            presenceDispatcher.interrupt();
        }
        ManagerConnection connection = current;
        if (connection != null) {
            stop(connection);
        }
    }
}
