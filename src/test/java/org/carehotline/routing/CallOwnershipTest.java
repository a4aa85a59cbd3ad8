package org.carehotline.routing;

import static org.carehotline.cases.Category.LEGAL_ADVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.carehotline.live.LiveFeed;
import org.carehotline.support.Counselors;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * What routing sets belongs to one call: only that call's answer, end or release changes it, a
 * hold nobody dialed times out, and a phone busy with anything else is busy from its device
 * state alone. Nothing can leave a counselor ringing or on a call once their phone is idle.
 */
class CallOwnershipTest {

    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private final RoutingRules rules = RoutingRules.defaults();
    private final Router router = new Router(clock, rules, CallWaker.NONE, LiveFeed.NONE);

    private PresenceState a() {
        return router.states().get("a");
    }

    private void oneLawyer(String... more) {
        router.setCounselors(java.util.stream.Stream.concat(java.util.stream.Stream.of("a"),
                java.util.Arrays.stream(more)).map(id -> Counselors.named(id).skill(LEGAL_ADVICE, 3).build()).toList());
        router.signIn("a");
        router.deviceStateChanged("PJSIP/a", DeviceState.NOT_INUSE);
        for (String id : more) {
            router.signIn(id);
            router.deviceStateChanged("PJSIP/" + id, DeviceState.NOT_INUSE);
        }
    }

    private QueueTicket call(String id) {
        return router.enqueue(id, "PJSIP/trunk-" + id, CallNeeds.of(LEGAL_ADVICE));
    }

    @Test
    void anAnswerOfAnotherCallChangesNothingAndThePhoneAloneShowsThatCallBusy() {
        oneLawyer();
        // an internal call, or a ring-group answer: Asterisk's DialEnd names a call routing never placed
        router.answered("a", "some-other-call");
        assertEquals(PresenceState.AVAILABLE, a());
        router.deviceStateChanged("PJSIP/a", DeviceState.INUSE);
        assertEquals(PresenceState.ON_CALL, a(), "busy while the phone is");
        router.deviceStateChanged("PJSIP/a", DeviceState.NOT_INUSE);
        assertEquals(PresenceState.AVAILABLE, a(), "free when it is free: no wrap-up for a call routing did not place");
    }

    @Test
    void aLateAnswerOrEndOfAnEndedCallCannotPutTheCounselorBackOnIt() {
        oneLawyer();
        Reservation held = call("c1").takeOffer().orElseThrow();
        router.answered(held);
        router.callEnded(held, Duration.ofMinutes(3));
        clock.advance(Duration.ofSeconds(rules.wrapUpSeconds()));
        assertEquals(PresenceState.AVAILABLE, a());

        router.answered("a", held.callKey()); // a DialEnd or BridgeEnter that arrived late
        router.callEnded(held, Duration.ZERO);
        assertEquals(PresenceState.AVAILABLE, a());
    }

    @Test
    void holdsAreKeyedByCallSoAnotherCallsReleaseLeavesThemAlone() {
        oneLawyer();
        Reservation held = call("c1").takeOffer().orElseThrow();
        router.release(new Reservation("a", "PJSIP/a", "a", "", "c2"));
        assertEquals(PresenceState.RINGING, a(), "held for c1, not c2");
        assertTrue(router.heldFor("a", "c1"));
        router.release(held);
        assertEquals(PresenceState.AVAILABLE, a());
    }

    @Test
    void aSessionThatLeavesAfterTakingItsOfferWithoutDialingFreesTheCounselor() {
        oneLawyer();
        QueueTicket ticket = call("c1");
        assertTrue(ticket.takeOffer().isPresent());
        assertEquals(PresenceState.RINGING, a());
        ticket.leave(); // the caller hung up during "connecting you", or the socket closed after the wake-up
        assertEquals(PresenceState.AVAILABLE, a());
    }

    @Test
    void aRingingHoldThatNoDialFollowedIsReleasedAfterTheTimeout() {
        oneLawyer();
        assertTrue(call("c1").takeOffer().isPresent()); // ... and the session is never heard of again
        clock.advance(Duration.ofSeconds(rules.ringingTimeoutSeconds() - 1));
        router.tick();
        assertEquals(PresenceState.RINGING, a());
        clock.advance(Duration.ofSeconds(1));
        router.tick();
        assertEquals(PresenceState.AVAILABLE, a());
    }

    @Test
    void aRingingHoldWhosePhoneIsInUseIsATalkNotAStaleHoldAndEndsWhenThePhoneIsPutDown() {
        oneLawyer();
        assertTrue(call("c1").takeOffer().isPresent());
        router.deviceStateChanged("PJSIP/a", DeviceState.INUSE); // answered; the DialEnd never came
        clock.advance(Duration.ofSeconds(rules.ringingTimeoutSeconds() + 1));
        router.tick();
        assertEquals(PresenceState.ON_CALL, a());
        assertTrue(router.heldFor("a", "c1"), "still the call's: the timeout is for holds nobody dialed");
        router.deviceStateChanged("PJSIP/a", DeviceState.NOT_INUSE);
        assertEquals(PresenceState.WRAP_UP, a());
    }

    @Test
    void anOfferWhoseHoldTimedOutBeforeTheSessionLookedGoesBackInLine() {
        oneLawyer();
        QueueTicket slow = call("c1"); // offered at once, but its session does not look for a while
        clock.advance(Duration.ofSeconds(rules.ringingTimeoutSeconds()));
        router.tick();
        QueueTicket other = call("c2");
        assertEquals(Optional.of("a"), other.takeOffer().map(Reservation::counselorId));
        assertEquals(Optional.empty(), slow.takeOffer(), "a is c2's now: c1 must not dial them too");
        assertEquals(1, slow.position(), "c1 waits again, first in line");
    }

    @Test
    void aPhonePutDownAfterARoutedTalkStartsTheWrapUpEvenIfTheSessionReportsLate() {
        oneLawyer();
        Reservation held = call("c1").takeOffer().orElseThrow();
        router.deviceStateChanged("PJSIP/a", DeviceState.INUSE);
        router.answered("a", held.callKey());
        assertEquals(PresenceState.ON_CALL, a());
        router.deviceStateChanged("PJSIP/a", DeviceState.NOT_INUSE);
        assertEquals(PresenceState.WRAP_UP, a());
        clock.advance(Duration.ofSeconds(rules.wrapUpSeconds()));
        assertEquals(PresenceState.AVAILABLE, a());
    }

    @Test
    void theOnlyFitWhoMissedIsOfferedTheCallAgainOnceTheRetryTimeHasPassed() {
        oneLawyer();
        QueueTicket ticket = call("c1");
        ticket.takeOffer().orElseThrow();
        ticket.offerMissed("a");
        assertEquals(PresenceState.AVAILABLE, a());
        assertEquals(Optional.empty(), ticket.takeOffer(), "not at once: they just let it ring out");

        clock.advance(Duration.ofSeconds(rules.missedRetrySeconds()));
        router.tick();
        Reservation again = ticket.takeOffer().orElseThrow();
        assertEquals("a", again.counselorId());
        assertTrue(again.reason().endsWith("offered again after a miss"), again.reason());
    }

    @Test
    void aCounselorWhoMissedWaitsBehindOtherFitsWhoHaveNotBeenTried() {
        oneLawyer("b");
        router.deviceStateChanged("PJSIP/b", DeviceState.INUSE);
        QueueTicket ticket = call("c1");
        ticket.takeOffer().orElseThrow();
        ticket.offerMissed("a");
        router.deviceStateChanged("PJSIP/b", DeviceState.NOT_INUSE);
        assertEquals(Optional.of("b"), ticket.takeOffer().map(Reservation::counselorId), "the untried fit first");
    }
}
