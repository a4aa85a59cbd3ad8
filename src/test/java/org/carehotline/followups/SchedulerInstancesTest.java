package org.carehotline.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several scheduler instances on one database: every follow-up is dialed once, even when one dies mid-lease. */
class SchedulerInstancesTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private final Map<String, AtomicInteger> dials = new ConcurrentHashMap<>();
    private final List<FollowUpScheduler> schedulers = new ArrayList<>();
    private MongoStore store;
    private FollowUpRepository repository;

    @BeforeEach
    void open() {
        store = TestStores.open(dir);
        repository = new FollowUpRepository(store);
    }

    @AfterEach
    void close() {
        schedulers.forEach(FollowUpScheduler::kill);
        store.close();
    }

    private List<String> insertDue(int n) {
        CallingWindow always = CallingWindow.of(FollowUpFixture.SHANGHAI, TimeRange.parse("00:00-24:00"), List.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(repository.insert(new NewFollowUp("case-" + i, "1390000" + String.format("%04d", i), "test",
                    Mode.COUNSELOR_CALL, "pool", clock.instant().minusSeconds(i % 60), always, 3, false,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), clock.instant()));
        }
        return ids;
    }

    /** Dials (counts) and reports the worker reached, through its own repository like a separate server. */
    private FollowUpDispatcher dialAndFinish(FollowUpRepository own) {
        return f -> {
            dials.computeIfAbsent(f.id(), k -> new AtomicInteger()).incrementAndGet();
            own.finishAttempt(f.claimToken().orElseThrow(), new Attempt(clock.instant(), Outcome.REACHED,
                    Optional.empty(), Optional.empty(), true, "simulated"), FollowUpStatus.DONE, null,
                    clock.instant(), "reached");
        };
    }

    private FollowUpScheduler scheduler(String name, FollowUpDispatcher dispatcher, int concurrency) {
        FollowUpScheduler s = new FollowUpScheduler(name, new FollowUpRepository(store), dispatcher, clock, LEASE,
                Duration.ofMillis(20), concurrency);
        schedulers.add(s);
        return s;
    }

    @Test
    void twoInstancesDialEveryDueFollowUpExactlyOnce() {
        List<String> ids = insertDue(300);
        FollowUpScheduler a = scheduler("a", dialAndFinish(new FollowUpRepository(store)), 8);
        FollowUpScheduler b = scheduler("b", dialAndFinish(new FollowUpRepository(store)), 8);
        a.start();
        b.start();
        RunningHotline.awaitCondition("all done", () -> repository.countByStatus(FollowUpStatus.DONE) == 300);

        assertEquals(300, dials.size());
        assertTrue(ids.stream().allMatch(id -> dials.get(id).get() == 1), "no follow-up dialed twice");
        assertEquals(300, a.claimed() + b.claimed(), "no claim wasted on a follow-up held by the other");
    }

    @Test
    void anInstanceKilledMidLeaseLeavesItsFollowUpsToTheOtherAfterTheLeaseLapses() throws Exception {
        insertDue(50);
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        FollowUpDispatcher dialThenDie = dialAndFinish(new FollowUpRepository(store));
        // the first 20 are dialed and reported; then the instance hangs before dialing, and is killed
        FollowUpScheduler a = scheduler("a", f -> {
            if (handled.incrementAndGet() <= 20) {
                dialThenDie.dispatch(f);
            } else {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 100);
        assertEquals(50, a.pollOnce());
        RunningHotline.awaitCondition("a dialed 20", () -> repository.countByStatus(FollowUpStatus.DONE) == 20);
        a.kill();

        FollowUpScheduler b = scheduler("b", dialAndFinish(new FollowUpRepository(store)), 8);
        assertEquals(0, b.pollOnce(), "a's leases still hold");
        clock.advance(LEASE.plusSeconds(1));
        assertEquals(30, b.pollOnce(), "every lapsed claim taken over, the finished ones left alone");
        b.awaitIdle(Duration.ofSeconds(10));

        assertEquals(50, repository.countByStatus(FollowUpStatus.DONE));
        assertEquals(50, dials.size());
        assertTrue(dials.values().stream().allMatch(n -> n.get() == 1), "each dialed exactly once");
        assertEquals(0, b.pollOnce(), "nothing left");
    }

    @Test
    void aReportFromAnInstanceWhoseLeaseWasTakenOverChangesNothing() {
        String id = insertDue(1).get(0);
        FollowUp first = repository.claimNext("a", clock.instant(), clock.instant().plus(LEASE)).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        FollowUp second = repository.claimNext("b", clock.instant(), clock.instant().plus(LEASE)).orElseThrow();
        assertEquals(id, second.id());
        Instant now = clock.instant();
        Attempt late = new Attempt(now, Outcome.NO_ANSWER, Optional.empty(), Optional.empty(), true, "late");
        assertEquals(false, repository.finishAttempt(first.claimToken().orElseThrow(), late,
                FollowUpStatus.PENDING, now.plusSeconds(60), now, "late report"));
        assertEquals(FollowUpStatus.CLAIMED, repository.findById(id).orElseThrow().status());
        assertEquals(0, repository.findById(id).orElseThrow().attemptsMade());
    }
}
