package org.carehotline.presence;

import static org.carehotline.cases.Category.PSYCHOLOGICAL_SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.CallWaker;
import org.carehotline.routing.DeviceState;
import org.carehotline.routing.PresenceState;
import org.carehotline.routing.Router;
import org.carehotline.routing.RoutingRules;
import org.carehotline.store.MongoStore;
import org.carehotline.support.Counselors;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing's presence changes reach the presence log through the recorder, on the embedded
 * store: every state with its exact times, a wrap-up ending by itself, and a crash losing at
 * most the time since the last heartbeat.
 */
class PresenceRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dataDir;
    private MongoStore store;
    private PresenceLogRepository log;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        log = new PresenceLogRepository(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Router router(PresenceRecorder recorder, String... counselors) {
        Router router = new Router(clock, RoutingRules.defaults(), CallWaker.NONE, LiveFeed.NONE, recorder);
        router.setCounselors(java.util.Arrays.stream(counselors)
                .map(id -> Counselors.named(id).skill(PSYCHOLOGICAL_SUPPORT, 3).build()).toList());
        for (String id : counselors) {
            router.signIn(id);
            router.deviceStateChanged("PJSIP/" + id, DeviceState.NOT_INUSE);
        }
        return router;
    }

    private void at(int second) {
        clock.set(T0.plusSeconds(second));
    }

    private record Seen(PresenceState state, String reason, int from, Integer to) {}

    private List<Seen> logged(String counselor) {
        return log.overlapping(counselor, T0.minusSeconds(1), T0.plus(Duration.ofDays(1))).stream()
                .map(i -> new Seen(i.state(), i.reason(), (int) (i.from().getEpochSecond() - T0.getEpochSecond()),
                        i.to().map(t -> (int) (t.getEpochSecond() - T0.getEpochSecond())).orElse(null)))
                .toList();
    }

    @Test
    void aShiftIsLoggedStateByStateWithItsExactTimes() {
        PresenceRecorder recorder = new PresenceRecorder(log, "server-1", clock);
        Router router = router(recorder, "a");
        at(60);
        router.pause("a", "break");
        at(660);
        router.resume("a");
        router.deviceStateChanged("PJSIP/a", DeviceState.NOT_INUSE); // reported again: no new interval
        at(700);
        var ticket = router.enqueue("call-1", "PJSIP/trunk-1", CallNeeds.of(PSYCHOLOGICAL_SUPPORT));
        var held = ticket.takeOffer().orElseThrow();
        at(710);
        router.answered(held);
        at(1010);
        router.callEnded(held, Duration.ofSeconds(300));
        recorder.flush();
        at(1100); // the 30 s wrap-up ended at 1040 without any event
        recorder.flush();
        at(1200);
        router.signOut("a");
        recorder.flush();

        assertEquals(List.of(new Seen(PresenceState.AVAILABLE, "", 0, 60),
                new Seen(PresenceState.PAUSED, "break", 60, 660),
                new Seen(PresenceState.AVAILABLE, "", 660, 700),
                new Seen(PresenceState.RINGING, "", 700, 710),
                new Seen(PresenceState.ON_CALL, "", 710, 1010),
                new Seen(PresenceState.WRAP_UP, "", 1010, 1040),
                new Seen(PresenceState.AVAILABLE, "", 1040, 1200)), logged("a"));
        recorder.close();
    }

    @Test
    void aCleanShutdownClosesTheOpenIntervals() {
        PresenceRecorder recorder = new PresenceRecorder(log, "server-1", clock);
        router(recorder, "a");
        recorder.flush();
        assertEquals(List.of(new Seen(PresenceState.AVAILABLE, "", 0, null)), logged("a"), "stored while open");
        at(500);
        recorder.close();
        assertEquals(List.of(new Seen(PresenceState.AVAILABLE, "", 0, 500)), logged("a"));
    }

    @Test
    void afterACrashTheNextStartClosesWhatWasOpenWhenItWasLastSeenOrAtItsOwnEnd() {
        PresenceRecorder crashed = new PresenceRecorder(log, "server-1", clock);
        Router router = router(crashed, "a", "b");
        at(10);
        router.deviceStateChanged("PJSIP/a", DeviceState.INUSE); // a call routing did not place
        at(30);
        crashed.flush(); // written, and marked seen at 30
        at(85);
        var held = router.enqueue("call-b", "PJSIP/trunk-1", CallNeeds.of(PSYCHOLOGICAL_SUPPORT)).takeOffer()
                .orElseThrow();
        at(90);
        router.answered(held);
        at(95);
        router.callEnded(held, Duration.ofSeconds(5)); // wrap-up until 125
        at(100);
        crashed.flush(); // the heartbeat marks the open intervals seen at 100
        at(120);
        crashed.flush(); // too soon for another heartbeat; then the process dies without close()

        at(150);
        PresenceRecorder restarted = new PresenceRecorder(log, "server-2", clock);
        restarted.start();
        assertEquals(new Seen(PresenceState.ON_CALL, "", 10, null), logged("a").get(1),
                "last seen 50 s ago: it may be another live server's, so it stays open for now");
        at(400);
        restarted.flush(); // its heartbeat sweeps intervals nobody marked for 90 s
        assertEquals(List.of(new Seen(PresenceState.AVAILABLE, "", 0, 10), new Seen(PresenceState.ON_CALL, "", 10, 100)),
                logged("a"), "closed when last seen: at most one heartbeat lost");
        assertEquals(new Seen(PresenceState.WRAP_UP, "", 95, 125), logged("b").get(3),
                "a wrap-up ends at its own time, even past the crash");
        restarted.close();
    }

    @Test
    void theRouterOnlyQueuesChangesTheWritesHappenOnFlush() {
        PresenceRecorder recorder = new PresenceRecorder(log, "server-1", clock);
        Router router = router(recorder, "a");
        at(5);
        router.pause("a", "meal");
        assertTrue(logged("a").isEmpty(), "nothing written on the routing thread");
        recorder.flush();
        assertEquals(2, logged("a").size());
        assertEquals(Optional.of("meal"), logged("a").stream().map(Seen::reason).filter(r -> !r.isEmpty()).findFirst());
        recorder.close();
    }
}
