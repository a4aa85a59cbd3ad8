package org.carehotline.routing;

import static org.carehotline.cases.Category.CRISIS_INTERVENTION;
import static org.carehotline.cases.Category.LEGAL_ADVICE;
import static org.carehotline.cases.Category.PSYCHOLOGICAL_SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.carehotline.cases.Category;
import org.carehotline.support.Counselors;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private final Router router = new Router(clock);

    private static CallNeeds needs(Category category) {
        return new CallNeeds(category, Optional.empty());
    }

    private void online(String... endpoints) {
        for (String endpoint : endpoints) {
            router.deviceStateChanged(endpoint, DeviceState.NOT_INUSE);
        }
    }

    @Test
    void offersOnlyCounselorsWithTheSkillAndAnIdlePhone() {
        router.setCounselors(List.of(
                Counselors.named("lawyer").skill(LEGAL_ADVICE, 5).build(),
                Counselors.named("psy").skill(PSYCHOLOGICAL_SUPPORT, 3).build(),
                Counselors.named("zero").skill(PSYCHOLOGICAL_SUPPORT, 0).build(),
                Counselors.named("offline").skill(PSYCHOLOGICAL_SUPPORT, 5).build()));
        online("PJSIP/lawyer", "PJSIP/psy", "PJSIP/zero");
        router.deviceStateChanged("PJSIP/offline", DeviceState.UNAVAILABLE);

        Reservation r = router.reserve(needs(PSYCHOLOGICAL_SUPPORT), Set.of()).orElseThrow();

        assertEquals("psy", r.counselorId());
        assertEquals("PJSIP/psy", r.endpoint());
        assertTrue(router.reserve(needs(PSYCHOLOGICAL_SUPPORT), Set.of()).isEmpty(),
                "level 0, offline and already ringing counselors are never offered");
    }

    @Test
    void longestIdleIsOfferedFirstAndKeepsItsPlaceAfterAMiss() {
        router.setCounselors(List.of(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 2).build(),
                Counselors.named("b").skill(PSYCHOLOGICAL_SUPPORT, 2).build()));
        online("PJSIP/a", "PJSIP/b");
        Reservation first = router.reserve(needs(PSYCHOLOGICAL_SUPPORT), Set.of()).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        router.callEnded(first.counselorId());
        // the other counselor has now been idle longer
        Reservation second = router.reserve(needs(PSYCHOLOGICAL_SUPPORT), Set.of()).orElseThrow();
        assertEquals("a", first.counselorId());
        assertEquals("b", second.counselorId());

        router.missed("b");
        assertEquals("b", router.reserve(needs(PSYCHOLOGICAL_SUPPORT), Set.of()).orElseThrow().counselorId(),
                "a miss does not send the counselor to the back of the idle order");
    }

    @Test
    void excludedCounselorsAreSkippedSoTheNextOneIsTried() {
        router.setCounselors(List.of(Counselors.named("a").skill(LEGAL_ADVICE, 2).build(),
                Counselors.named("b").skill(LEGAL_ADVICE, 2).build()));
        online("PJSIP/a", "PJSIP/b");

        assertEquals("b", router.reserve(needs(LEGAL_ADVICE), Set.of("a")).orElseThrow().counselorId());
    }

    @Test
    void crisisGoesToCrisisCounselorsOnlyWhileOneIsSignedIn() {
        router.setCounselors(List.of(
                Counselors.named("crisis").skill(CRISIS_INTERVENTION, 4).build(),
                Counselors.named("psy").skill(PSYCHOLOGICAL_SUPPORT, 5).build()));
        online("PJSIP/psy");
        router.deviceStateChanged("PJSIP/crisis", DeviceState.INUSE);

        assertTrue(router.reserve(needs(CRISIS_INTERVENTION), Set.of()).isEmpty(),
                "the crisis counselor is signed in but busy: the crisis waits for them");

        router.deviceStateChanged("PJSIP/crisis", DeviceState.UNAVAILABLE);
        Reservation r = router.reserve(needs(CRISIS_INTERVENTION), Set.of()).orElseThrow();
        assertEquals("psy", r.counselorId());
        assertTrue(r.reason().contains("no crisis counselor signed in"), r.reason());
    }

    @Test
    void deviceStatesFollowChannelsAndUnknownDevicesAreIgnored() {
        router.setCounselors(List.of(Counselors.named("a").phone("PJSIP/6001").skill(LEGAL_ADVICE, 1).build()));
        router.deviceStateChanged("pjsip/6001", DeviceState.NOT_INUSE);
        router.deviceStateChanged("PJSIP/9999", DeviceState.NOT_INUSE);

        assertEquals("a", router.counselorForChannel("PJSIP/6001-0000002a").orElseThrow().id());
        assertTrue(router.counselorForChannel("PJSIP/9999-00000001").isEmpty());
        assertTrue(router.snapshot().get(0).available());
    }

    @Test
    void aCounselorIsNeverReservedTwiceUnderConcurrency() throws Exception {
        List<org.carehotline.counselors.Counselor> roster = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            roster.add(Counselors.named("c" + i).skill(PSYCHOLOGICAL_SUPPORT, 1).build());
            router.setCounselors(roster);
        }
        for (int i = 0; i < 20; i++) {
            online("PJSIP/c" + i);
        }
        ConcurrentLinkedQueue<String> reserved = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                router.reserve(needs(PSYCHOLOGICAL_SUPPORT), Set.of()).ifPresent(r -> reserved.add(r.counselorId()));
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(20, reserved.size());
        assertEquals(20, Set.copyOf(reserved).size());
    }
}
