package org.carehotline.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.carehotline.counselors.Counselor;
import org.carehotline.live.LiveFeed;

/**
 * The call distributor: the live truth about counselors (phones from AMI, console status,
 * calls routing gave them) and the queue of waiting calls, under one lock, so that every
 * match sees one consistent picture and a counselor is never offered two calls at once.
 *
 * <p>Matching runs when a call arrives, whenever a counselor may have become free, and on a
 * periodic {@link #tick()} (wrap-up ends, waits widen). Waiting calls are taken in queue order
 * (urgent first, then by arrival) and each gets the best available counselor by the
 * {@link RoutingPolicy}. Every method is quick: AMI listeners and AGI sessions call it
 * directly. Woken callers are told through the {@link CallWaker} after the lock is released, on
 * the calling thread (its one short AMI write is the only I/O here; never call from an event
 * loop).
 */
public final class Router {

    private static final double HANDLE_TIME_WEIGHT = 0.1;

    private final Clock clock;
    private final RoutingRules rules;
    private final RoutingPolicy policy;
    private final CallWaker waker;
    private final LiveFeed live;
    private final Roster roster;
    private final TreeSet<WaitingCall> queue = new TreeSet<>(WaitingCall::compare);
    private final Matcher matcher;
    private long sequence;
    private double averageHandleSeconds = 300;
    private volatile DeskListener desks = DeskListener.NONE;
    private volatile RoutingTimings timings = RoutingTimings.NONE;

    public Router(Clock clock, RoutingRules rules, CallWaker waker, LiveFeed live) {
        this(clock, rules, waker, live, PresenceListener.NONE);
    }

    /**
     * @param presence hears every presence change, inside the lock: it must only queue it
     *                 (see {@link PresenceListener})
     */
    public Router(Clock clock, RoutingRules rules, CallWaker waker, LiveFeed live, PresenceListener presence) {
        // a counselor takes calls once they said so at the desk, unless the line runs on phones alone
        this.roster = new Roster(clock, presence, rules.deskSignInRequired() ? ConsoleStatus.SIGNED_OUT
                : ConsoleStatus.READY);
        this.clock = clock;
        this.rules = rules;
        this.policy = new RoutingPolicy(rules);
        this.waker = waker;
        this.live = live;
        this.matcher = new Matcher(roster, policy, rules);
    }

    // ---- counselors -------------------------------------------------------------------

    /** Replaces the roster (at startup and when accounts change), keeping what is known of each. */
    public void setCounselors(List<Counselor> counselors) {
        List<WaitingCall> woken;
        synchronized (this) {
            roster.replace(counselors, clock.instant());
            woken = matchLocked();
        }
        after(woken);
    }

    /**
     * Puts back what counselors had set at the desk before a restart (from
     * {@link DeskStateRepository}); counselors not in the roster are ignored.
     */
    public void restoreDesks(Map<String, ConsoleStatus> desks) {
        desks.forEach((id, console) -> update(id, s -> s.withConsole(console)));
    }

    /** From now on, what counselors set at the desk is told to {@code listener} (to be kept). */
    public void onDeskChange(DeskListener listener) {
        this.desks = listener;
    }

    private void deskSet(String counselorId) {
        desk(counselorId).ifPresent(console -> desks.deskChanged(counselorId, console));
    }

    /** What the counselor has set at the desk now, if they are in the roster. */
    public synchronized Optional<ConsoleStatus> desk(String counselorId) {
        return roster.status(counselorId).map(CounselorStatus::console);
    }

    /**
     * Asterisk reported a phone's state; devices of no counselor are ignored. A phone idle again
     * after a call routing placed ends that talk (wrap-up from now), whatever the session reports.
     */
    public void deviceStateChanged(String device, DeviceState state) {
        Optional<String> id;
        synchronized (this) {
            id = roster.idForEndpoint(device);
        }
        Instant wrapUpEnds = clock.instant().plusSeconds(rules.wrapUpSeconds());
        id.ifPresent(counselorId -> update(counselorId, s -> s.withDevice(state).phoneHungUp(s.device(), wrapUpEnds)));
    }

    /** The counselor signed in on the console (ready for calls once their phone is registered). */
    public void signIn(String counselorId) {
        update(counselorId, s -> s.withConsole(ConsoleStatus.READY));
        deskSet(counselorId);
    }

    public void signOut(String counselorId) {
        update(counselorId, s -> s.withConsole(ConsoleStatus.SIGNED_OUT));
        deskSet(counselorId);
    }

    public void pause(String counselorId, String reason) {
        update(counselorId, s -> s.withConsole(ConsoleStatus.paused(reason)));
        deskSet(counselorId);
    }

    /** Back from a pause, also one set by routing for missed calls. */
    public void resume(String counselorId) {
        update(counselorId, s -> s.withConsole(ConsoleStatus.READY).withMissesCleared());
        deskSet(counselorId);
    }

    /**
     * The call a counselor was held for went away before they answered (the caller hung up
     * while their phone rang, the session died): free again at once, no miss counted. Nothing
     * happens if the counselor is no longer held for this reservation's call.
     */
    public void release(Reservation reservation) {
        update(reservation.counselorId(), s -> s.released(reservation.callKey()));
    }

    /**
     * True while no counselor's phone state is known, i.e. AMI has not reported yet: routing
     * cannot tell who is free, and calls are better handed to the dialplan's ring group.
     */
    public synchronized boolean blind() {
        return roster.statuses().stream().filter(s -> s.counselor().takesCalls())
                .allMatch(s -> s.device() == DeviceState.UNKNOWN);
    }

    /** The counselor answered the call they were offered. */
    public void answered(Reservation reservation) {
        answered(reservation.counselorId(), reservation.callKey());
    }

    /**
     * Asterisk says the counselor's phone answered {@code callKey} (AMI DialEnd or BridgeEnter):
     * on a call, if that is the call they are held for. Any other call (an internal call, a
     * ring-group answer, a late event of an ended call) changes nothing here: the phone's
     * device state shows them busy while it lasts.
     */
    public void answered(String counselorId, String callKey) {
        update(counselorId, s -> s.answered(callKey));
    }

    /**
     * The call the counselor was held for ended: wrap-up, then free. The handle time feeds the
     * expected-wait estimate. Nothing happens to a counselor held for another call.
     */
    public void callEnded(Reservation reservation, Duration handleTime) {
        callEnded(reservation.counselorId(), reservation.callKey(), handleTime);
    }

    /** {@link #callEnded(Reservation, Duration)} for a hold known by its counselor and call. */
    public void callEnded(String counselorId, String callKey, Duration handleTime) {
        synchronized (this) {
            if (!handleTime.isZero()) {
                averageHandleSeconds += HANDLE_TIME_WEIGHT * (handleTime.toSeconds() - averageHandleSeconds);
            }
        }
        Instant wrapUpEnds = clock.instant().plusSeconds(rules.wrapUpSeconds());
        update(counselorId, s -> s.callEnded(callKey, wrapUpEnds));
    }

    /** True while the counselor is held (ringing or talking) for this call. */
    public synchronized boolean heldFor(String counselorId, String callKey) {
        return roster.status(counselorId).filter(s -> s.heldFor(callKey)).isPresent();
    }

    /** The counselor whose phone is this endpoint or one of its channels ({@code PJSIP/6001-0000002a}). */
    public synchronized Optional<Counselor> counselorForChannel(String channel) {
        return channel == null ? Optional.empty() : roster.counselorForChannel(channel);
    }

    /** A copy of every counselor's status, in roster order. */
    public synchronized List<CounselorStatus> snapshot() {
        return roster.copy();
    }

    /** Each counselor's presence state now, in roster order. */
    public synchronized Map<String, PresenceState> states() {
        return roster.states(clock.instant());
    }

    // ---- waiting calls ----------------------------------------------------------------

    /** Puts a call in the queue and matches at once: an offer may already be on the returned ticket. */
    public QueueTicket enqueue(String callId, String channel, CallNeeds needs) {
        WaitingCall call;
        List<WaitingCall> woken;
        synchronized (this) {
            call = new WaitingCall(callId, channel, needs, clock.instant(), sequence++);
            queue.add(call);
            woken = matchLocked();
        }
        afterOwnSession(woken, call);
        return new QueueTicket(this, call);
    }

    /** Whether the dialect menu's answer could change who takes a call with these needs (see {@link RoutingPolicy#dialectCouldMatter}). */
    public synchronized boolean dialectCouldMatter(CallNeeds needs, java.util.Collection<String> dialects) {
        return policy.dialectCouldMatter(needs, dialects, roster.statuses(), clock.instant());
    }

    /** The calls waiting now, in queue order. */
    public synchronized List<WaitingCallView> waitingCalls() {
        Instant now = clock.instant();
        List<WaitingCallView> views = new ArrayList<>();
        int position = 1;
        for (WaitingCall c : queue) {
            views.add(new WaitingCallView(c.callId, c.needs, position++, Duration.between(c.arrivedAt, now),
                    c.offer.map(Reservation::counselorId)));
        }
        return views;
    }

    /**
     * Matches waiting calls whose situation changed with time alone (wrap-up ended, waits
     * widened, a miss old enough to retry), after releasing ringing holds that timed out.
     */
    public void tick() {
        List<WaitingCall> woken;
        synchronized (this) {
            releaseExpiredRinging();
            woken = matchLocked();
        }
        after(woken);
    }

    /** A hold no Dial followed (its session died between the offer and the Dial) ends here. */
    private void releaseExpiredRinging() {
        Instant now = clock.instant();
        Duration timeout = Duration.ofSeconds(rules.ringingTimeoutSeconds());
        for (CounselorStatus s : roster.copy()) {
            if (s.ringingExpired(now, timeout)) {
                roster.update(s.counselor().id(), held -> held.released(s.callKey()));
            }
        }
    }

    /** Runs {@link #tick()} every {@code period} on the given scheduler until it is shut down. */
    public void startTicking(java.util.concurrent.ScheduledExecutorService scheduler, Duration period) {
        scheduler.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized Optional<Reservation> takeOffer(WaitingCall call) {
        Optional<Reservation> offer = call.offer;
        if (offer.isPresent() && !heldFor(offer.get())) {
            // the hold timed out before the session looked: back in line for the next fit
            call.offer = Optional.empty();
            if (call.queued) {
                queue.add(call);
            }
            return Optional.empty();
        }
        if (offer.isPresent()) {
            // the session now owns the reservation; the call is out of the queue while it rings
            timings.offerTaken(System.nanoTime() - call.offeredNanos);
            call.offer = Optional.empty();
            call.taken = offer;
        }
        return offer;
    }

    private boolean heldFor(Reservation r) {
        return roster.status(r.counselorId()).filter(s -> s.heldFor(r.callKey())).isPresent();
    }

    private synchronized boolean offerUntaken(WaitingCall call) {
        return call.offer.isPresent();
    }

    Optional<Reservation> awaitOffer(WaitingCall call, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (call.offer.isEmpty() && call.queued) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return takeOffer(call);
        }
    }

    /** True while the waker can interrupt a waiting session (see {@link CallWaker#canWake()}). */
    boolean canWake() {
        return waker.canWake();
    }

    synchronized int position(WaitingCall call) {
        return call.queued ? queue.headSet(call, true).size() : 0;
    }

    synchronized int expectedWaitSeconds(WaitingCall call) {
        long staffed = roster.statuses().stream().filter(s -> s.state(clock.instant()) != PresenceState.OFFLINE)
                .count();
        return (int) Math.round(position(call) * averageHandleSeconds / Math.max(1, staffed));
    }

    synchronized boolean servable(WaitingCall call) {
        return policy.couldServe(call.needs, roster.statuses(), clock.instant());
    }

    synchronized String whyWaiting(WaitingCall call) {
        return policy.whyWaiting(call.needs, roster.statuses(), clock.instant());
    }

    synchronized Duration waited(WaitingCall call) {
        return Duration.between(call.arrivedAt, clock.instant());
    }

    void offerMissed(WaitingCall call, String counselorId) {
        List<WaitingCall> woken;
        synchronized (this) {
            call.tried.put(counselorId, clock.instant());
            call.taken = Optional.empty();
            roster.update(counselorId, s -> missed(s, call.callId));
            if (call.queued) {
                queue.add(call);
            }
            woken = matchLocked();
        }
        afterOwnSession(woken, call);
    }

    void escalate(WaitingCall call) {
        List<WaitingCall> woken;
        synchronized (this) {
            boolean wasQueued = queue.remove(call);
            call.needs = call.needs.escalated();
            if (wasQueued) {
                queue.add(call);
            }
            woken = matchLocked();
        }
        afterOwnSession(woken, call);
    }

    void leave(WaitingCall call) {
        List<WaitingCall> woken;
        synchronized (this) {
            queue.remove(call);
            call.queued = false;
            // an offer never taken, or taken and never answered (the session died before or
            // during the Dial): the counselor is free again, no miss counted
            call.offer.or(() -> call.taken).ifPresent(r -> roster.update(r.counselorId(),
                    s -> s.released(r.callKey())));
            call.offer = Optional.empty();
            call.taken = Optional.empty();
            woken = matchLocked();
        }
        after(woken);
    }

    // ---- follow-up calls (outbound) ---------------------------------------------------

    /**
     * Holds an available counselor for an outbound follow-up call, under the same lock as
     * inbound matching, so a counselor is never given two calls at once. Waiting callers come
     * first: nothing is held while an urgent call waits, and a counselor who could serve a
     * waiting call (the skill for its category, or its previous counselor) is left for it.
     *
     * @param onlyThese the counselors who may take it (a named owner); empty: anyone fitting by
     *                  the routing policy. A named counselor needs only to be available.
     * @param callKey   the call the hold belongs to ({@code followup:<id>})
     * @return the held counselor, now RINGING; release with {@link #releaseFollowUp} or, once
     *         they answered, {@link #answered} and {@link #callEnded}
     */
    public Optional<Reservation> reserveForFollowUp(CallNeeds needs, java.util.Set<String> onlyThese,
                                                    String callKey) {
        List<WaitingCall> woken;
        Optional<Reservation> held;
        synchronized (this) {
            woken = matchLocked();
            held = matcher.holdForFollowUp(queue, needs, onlyThese, callKey, clock.instant());
        }
        after(woken);
        return held;
    }

    /**
     * A follow-up's counselor is free again without having talked: the call could not be placed
     * ({@code missed} false) or their phone rang unanswered ({@code missed} true: counted like a
     * missed inbound offer).
     */
    public void releaseFollowUp(String counselorId, String callKey, boolean missed) {
        update(counselorId, s -> missed ? missed(s, callKey) : s.released(callKey));
    }

    /** One more miss for the counselor held for {@code callKey}; paused after too many in a row. */
    private CounselorStatus missed(CounselorStatus s, String callKey) {
        CounselorStatus m = s.missed(callKey);
        return m != s && m.consecutiveMisses() >= rules.maxConsecutiveMisses()
                ? m.withConsole(ConsoleStatus.paused(ConsoleStatus.MISSED_CALLS)) : m;
    }

    // ---- matching ---------------------------------------------------------------------

    private void update(String counselorId, UnaryOperator<CounselorStatus> change) {
        List<WaitingCall> woken;
        synchronized (this) {
            if (!roster.update(counselorId, change)) {
                return;
            }
            woken = matchLocked();
        }
        after(woken);
    }

    /** Tells {@code listener} how long matching and wake-ups take (see {@link RoutingTimings}). */
    public void onTimings(RoutingTimings listener) {
        timings = listener;
    }

    /** Offers available counselors to waiting calls in queue order; returns the calls that got one. */
    private List<WaitingCall> matchLocked() {
        long start = System.nanoTime();
        List<WaitingCall> woken = matcher.match(queue, clock.instant());
        timings.matched(System.nanoTime() - start, woken.size());
        return woken;
    }

    /**
     * After a change the call's own session made (it is not waiting for a key now and looks for
     * its offer next): a wake-up would only reach its channel as a stray '#' during the
     * announcement or the Dial that follows, so it goes to the other calls only.
     */
    private void afterOwnSession(List<WaitingCall> woken, WaitingCall own) {
        after(woken.contains(own) ? woken.stream().filter(c -> c != own).toList() : woken);
    }

    /** Outside the lock: wake the sessions that got an offer, tell the board. */
    private void after(List<WaitingCall> woken) {
        if (!woken.isEmpty()) {
            synchronized (this) {
                notifyAll();
            }
            woken.forEach(call -> waker.wake(call.channel, () -> offerUntaken(call)));
        }
        live.boardChanged();
    }
}
