package org.carehotline.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * A waiting call's handle, held by its AGI session. The router puts an offer on the ticket
 * when it finds a counselor; the session takes it and dials. Thread-safe.
 */
public final class QueueTicket {

    private final Router router;
    private final WaitingCall call;

    QueueTicket(Router router, WaitingCall call) {
        this.router = router;
        this.call = call;
    }

    public String callId() {
        return call.callId;
    }

    /** The counselor held for this call, if one was found since the last look; taking it clears it. */
    public Optional<Reservation> takeOffer() {
        return router.takeOffer(call);
    }

    /** Waits up to {@code timeout} for an offer (for callers that cannot be woken otherwise). */
    public Optional<Reservation> awaitOffer(Duration timeout) throws InterruptedException {
        return router.awaitOffer(call, timeout);
    }

    /** 1 for the next call to be served. */
    /**
     * True while the router can wake this call's session the moment a counselor is found; while
     * false the session must look for its offer often.
     */
    public boolean canBeWoken() {
        return router.canWake();
    }

    public int position() {
        return router.position(call);
    }

    public int expectedWaitSeconds() {
        return router.expectedWaitSeconds(call);
    }

    public Duration waited() {
        return router.waited(call);
    }

    /**
     * False when no signed-in counselor could ever take this call (nobody with the skill is
     * there): waiting would be waiting for nobody.
     */
    public boolean servable() {
        return router.servable(call);
    }

    /** Who with the needed skill is signed in and what they are doing, for the contact's log. */
    public String whyWaiting() {
        return router.whyWaiting(call);
    }

    /** The offered counselor did not answer: back in the queue at the same place, never offered to them again. */
    public void offerMissed(String counselorId) {
        router.offerMissed(call, counselorId);
    }

    /** The caller pressed 0 while waiting: now a crisis, served first. */
    public void escalate() {
        router.escalate(call);
    }

    /** The call leaves the queue (answered, hung up, call-back, overflow); a held counselor is released. */
    public void leave() {
        router.leave(call);
    }
}
