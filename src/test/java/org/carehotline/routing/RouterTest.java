package org.carehotline.routing;

import static org.carehotline.cases.Category.CRISIS_INTERVENTION;
import static org.carehotline.cases.Category.LEGAL_ADVICE;
import static org.carehotline.cases.Category.PSYCHOLOGICAL_SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.carehotline.counselors.Counselor;
import org.carehotline.live.LiveFeed;
import org.carehotline.support.Counselors;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;

/** The distributor: queue order, offers, misses, wrap-up, widening over time, concurrency. */
class RouterTest {

    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private final List<String> woken = new ArrayList<>();
    private final List<java.util.function.BooleanSupplier> untaken = new ArrayList<>();
    private final Router router = new Router(clock, RoutingRules.defaults(), (channel, offerUntaken) -> {
        woken.add(channel);
        untaken.add(offerUntaken);
    }, LiveFeed.NONE);

    /** The counselors, each at their desk (available once their phone is). */
    private void roster(Counselors... builders) {
        List<Counselor> counselors = java.util.Arrays.stream(builders).map(Counselors::build).toList();
        router.setCounselors(counselors);
        counselors.forEach(c -> router.signIn(c.id()));
    }

    private void phone(String endpoint, DeviceState state) {
        router.deviceStateChanged(endpoint, state);
    }

    private QueueTicket call(String id, CallNeeds needs) {
        return router.enqueue(id, "PJSIP/trunk-" + id, needs);
    }

    private static String offeredTo(QueueTicket ticket) {
        return ticket.takeOffer().map(Reservation::counselorId).orElse("none");
    }

    @Test
    void aCallArrivingWhileACounselorIsFreeGetsAnOfferAtOnceWithoutAWakeUp() {
        roster(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);

        QueueTicket ticket = call("c1", CallNeeds.of(PSYCHOLOGICAL_SUPPORT));

        // its session takes the offer from the returned ticket: a wake-up would only reach the
        // channel as a stray '#' during the Dial
        assertEquals(List.of(), woken);
        assertEquals("a", offeredTo(ticket));
        assertEquals(PresenceState.RINGING, router.states().get("a"));
    }

    @Test
    void aWaitingCallMatchedWhenACounselorIsFreedIsWokenUntilItsSessionTakesTheOffer() {
        roster(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 3));
        phone("PJSIP/a", DeviceState.INUSE);
        QueueTicket ticket = call("c1", CallNeeds.of(PSYCHOLOGICAL_SUPPORT));
        assertEquals(List.of(), woken);

        phone("PJSIP/a", DeviceState.NOT_INUSE);

        assertEquals(List.of("PJSIP/trunk-c1"), woken);
        assertTrue(untaken.get(0).getAsBoolean(), "the waker repeats the wake-up while the offer is untaken");
        assertEquals("a", offeredTo(ticket));
        assertFalse(untaken.get(0).getAsBoolean(), "once the session took the offer the waker stops");
    }

    @Test
    void aMissedOfferRematchedAtOnceIsNotWokenEither() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3), Counselors.named("b").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        phone("PJSIP/b", DeviceState.NOT_INUSE);
        QueueTicket ticket = call("c1", CallNeeds.of(LEGAL_ADVICE));
        String first = offeredTo(ticket);

        ticket.offerMissed(first); // the session itself reports the miss, then looks for the next offer

        assertEquals(List.of(), woken);
        assertEquals(first.equals("a") ? "b" : "a", offeredTo(ticket));
    }

    @Test
    void aCrisisThatArrivesSecondIsServedFirst() {
        roster(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 5).skill(CRISIS_INTERVENTION, 5));
        phone("PJSIP/a", DeviceState.INUSE);
        QueueTicket ordinary = call("ordinary", CallNeeds.of(PSYCHOLOGICAL_SUPPORT));
        clock.advance(Duration.ofSeconds(30));
        QueueTicket crisis = call("crisis", CallNeeds.of(CRISIS_INTERVENTION));
        assertEquals(2, ordinary.position());
        assertEquals(1, crisis.position());

        phone("PJSIP/a", DeviceState.NOT_INUSE);

        assertEquals("a", offeredTo(crisis));
        assertEquals("none", offeredTo(ordinary));
    }

    @Test
    void aMissedOfferPutsTheCallBackAtTheHeadOfItsPriorityForTheNextFit() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3), Counselors.named("b").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        QueueTicket first = call("first", CallNeeds.of(LEGAL_ADVICE));
        clock.advance(Duration.ofSeconds(5));
        QueueTicket second = call("second", CallNeeds.of(LEGAL_ADVICE));
        assertEquals("a", offeredTo(first));

        first.offerMissed("a");
        phone("PJSIP/b", DeviceState.NOT_INUSE);

        assertEquals("b", offeredTo(first), "the first caller keeps their place, and a is not tried again");
        assertEquals("a", offeredTo(second), "a is free again for the next call");
    }

    @Test
    void aCounselorWhoMissesTwiceInARowIsPausedForMissedCallsUntilResumed() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        for (int i = 0; i < 2; i++) {
            QueueTicket ticket = call("c" + i, CallNeeds.of(LEGAL_ADVICE));
            assertEquals("a", offeredTo(ticket));
            ticket.offerMissed("a");
            ticket.leave();
        }

        assertEquals(PresenceState.PAUSED, router.states().get("a"));
        assertEquals(Optional.of(ConsoleStatus.MISSED_CALLS), router.snapshot().get(0).console().pauseReason());
        router.resume("a");
        assertEquals(PresenceState.AVAILABLE, router.states().get("a"));
    }

    @Test
    void afterACallTheCounselorWrapsUpBeforeTheNextOffer() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        QueueTicket first = call("first", CallNeeds.of(LEGAL_ADVICE));
        Reservation held = first.takeOffer().orElseThrow();
        assertEquals("a", held.counselorId());
        router.answered(held);
        router.callEnded(held, Duration.ofMinutes(5));
        first.leave();

        QueueTicket next = call("next", CallNeeds.of(LEGAL_ADVICE));
        assertEquals(PresenceState.WRAP_UP, router.states().get("a"));
        assertEquals("none", offeredTo(next));

        clock.advance(Duration.ofSeconds(RoutingRules.defaults().wrapUpSeconds()));
        router.tick();
        assertEquals("a", offeredTo(next));
    }

    @Test
    void aWaitingCallWidensItsMatchAsTimePasses() {
        roster(Counselors.named("cantonese").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("cantonese"),
                Counselors.named("mandarin").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("mandarin"));
        phone("PJSIP/cantonese", DeviceState.INUSE);
        phone("PJSIP/mandarin", DeviceState.NOT_INUSE);
        QueueTicket ticket = call("c1", new CallNeeds(PSYCHOLOGICAL_SUPPORT, Optional.of("cantonese"), false,
                Optional.empty()));
        assertEquals("none", offeredTo(ticket));

        clock.advance(Duration.ofSeconds(RoutingRules.defaults().widenDialectAfterSeconds()));
        router.tick();

        assertEquals("mandarin", offeredTo(ticket));
    }

    @Test
    void escalatingAWaitingCallMovesItToTheFront() {
        roster(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 5).skill(CRISIS_INTERVENTION, 5));
        phone("PJSIP/a", DeviceState.INUSE);
        QueueTicket early = call("early", CallNeeds.of(PSYCHOLOGICAL_SUPPORT));
        QueueTicket late = call("late", CallNeeds.of(PSYCHOLOGICAL_SUPPORT));

        late.escalate();

        assertEquals(1, late.position());
        assertEquals(2, early.position());
        assertTrue(router.waitingCalls().get(0).needs().urgent());
    }

    @Test
    void aCallerWhoLeavesBeforeTakingTheOfferFreesTheCounselorWithoutAMiss() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        QueueTicket ticket = call("gone", CallNeeds.of(LEGAL_ADVICE));

        ticket.leave();

        assertEquals(PresenceState.AVAILABLE, router.states().get("a"));
        assertEquals(0, router.snapshot().get(0).consecutiveMisses());
        assertTrue(router.waitingCalls().isEmpty());
    }

    @Test
    void signingOutAndPausingTakeACounselorOutOfRouting() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        router.signOut("a");
        assertEquals(PresenceState.OFFLINE, router.states().get("a"));
        router.signIn("a");
        router.pause("a", "break");
        assertEquals(PresenceState.PAUSED, router.states().get("a"));
        QueueTicket ticket = call("c", CallNeeds.of(LEGAL_ADVICE));
        assertEquals("none", offeredTo(ticket));

        router.resume("a");

        assertEquals("a", offeredTo(ticket));
    }

    @Test
    void expectedWaitGrowsWithThePlaceInLine() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.INUSE);
        QueueTicket first = call("1", CallNeeds.of(LEGAL_ADVICE));
        QueueTicket second = call("2", CallNeeds.of(LEGAL_ADVICE));

        assertTrue(second.expectedWaitSeconds() > first.expectedWaitSeconds());
        assertEquals(300, first.expectedWaitSeconds(), "one staffed counselor, 300 s assumed handle time");
    }

    @Test
    void deviceStatesFollowChannelsAndUnknownDevicesAreIgnored() {
        roster(Counselors.named("a").phone("PJSIP/6001").skill(LEGAL_ADVICE, 1));
        phone("pjsip/6001", DeviceState.NOT_INUSE);
        phone("PJSIP/9999", DeviceState.NOT_INUSE);

        assertEquals("a", router.counselorForChannel("PJSIP/6001-0000002a").orElseThrow().id());
        assertTrue(router.counselorForChannel("PJSIP/9999-00000001").isEmpty());
        assertEquals(PresenceState.AVAILABLE, router.states().get("a"));
    }

    @Test
    void aCounselorIsNeverOfferedTwoCallsUnderConcurrency() throws Exception {
        List<Counselors> builders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            builders.add(Counselors.named("c" + i).skill(PSYCHOLOGICAL_SUPPORT, 3));
        }
        roster(builders.toArray(Counselors[]::new));
        for (int i = 0; i < 20; i++) {
            phone("PJSIP/c" + i, DeviceState.NOT_INUSE);
        }
        ConcurrentLinkedQueue<String> offered = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            String id = "call" + t;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                call(id, CallNeeds.of(PSYCHOLOGICAL_SUPPORT)).takeOffer().ifPresent(r -> offered.add(r.counselorId()));
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(20, offered.size());
        assertEquals(20, Set.copyOf(offered).size());
        assertEquals(30, router.waitingCalls().size());
    }

    @Test
    void replacingTheRosterKeepsWhatIsKnownOfEachCounselor() {
        roster(Counselors.named("a").skill(LEGAL_ADVICE, 3));
        phone("PJSIP/a", DeviceState.NOT_INUSE);
        router.pause("a", "training");

        router.setCounselors(List.<Counselor>of(Counselors.named("a").skill(LEGAL_ADVICE, 4).build()));

        assertEquals(PresenceState.PAUSED, router.states().get("a"));
        assertEquals(4, router.snapshot().get(0).counselor().skillLevel(LEGAL_ADVICE));
    }
}
