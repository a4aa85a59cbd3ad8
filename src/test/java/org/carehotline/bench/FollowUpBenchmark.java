package org.carehotline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.carehotline.followups.Attempt;
import org.carehotline.followups.CallingWindow;
import org.carehotline.followups.FollowUpDispatcher;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpScheduler;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Mode;
import org.carehotline.followups.NewFollowUp;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.TimeRange;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;

/**
 * Follow-up scheduler benchmark (a program, not a test): N follow-ups falling due over a span
 * inside one calling window, three scheduler instances on one database, a simulated dialer that
 * counts dials and reports each worker reached. Prints dispatch lag after the due time (p50,
 * p99, max), duplicate dials (must be 0) and claims per second.
 *
 * <pre>
 * JAVA_HOME="$(.ci/jdk)" ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dmain.class=org.carehotline.bench.FollowUpBenchmark [-Dexec.args="followUps spanSeconds instances concurrency"]
 * </pre>
 * With {@code HOTLINE_TEST_MONGO_URI} set it runs on that MongoDB instead of the embedded server.
 */
public final class FollowUpBenchmark {

    public static void main(String[] args) throws Exception {
        // 5,000 keeps a default run near two minutes on the embedded server (each claim scans the collection)
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int spanSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // follow-ups each instance dispatches at once, which is also its largest claim batch
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        Path dir = Files.createTempDirectory("followup-bench");
        Clock clock = Clock.systemUTC();
        Map<String, AtomicInteger> dials = new ConcurrentHashMap<>();
        long[] lagMs = new long[n];
        AtomicInteger done = new AtomicInteger();
        try (MongoStore store = TestStores.open(dir)) {
            FollowUpRepository repository = new FollowUpRepository(store);
            Instant firstDue = clock.instant().plusSeconds(5);
            long t = System.nanoTime();
            insert(repository, n, firstDue, spanSeconds, clock.instant());
            System.out.printf("inserted %,d follow-ups in %.1f s (%s)%n", n, (System.nanoTime() - t) / 1e9,
                    store.description());

            List<FollowUpScheduler> schedulers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                FollowUpRepository own = new FollowUpRepository(store);
                FollowUpDispatcher dialer = f -> {
                    Instant now = clock.instant();
                    if (dials.computeIfAbsent(f.id(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                        lagMs[done.getAndIncrement()] = Duration.between(f.firstDueAt(), now).toMillis();
                    }
                    own.finishAttempt(f.claimToken().orElseThrow(), new Attempt(now, Outcome.REACHED,
                            Optional.empty(), Optional.empty(), true, "simulated"), FollowUpStatus.DONE, null, now,
                            "reached");
                };
                schedulers.add(new FollowUpScheduler("bench-" + i, own, dialer, clock, Duration.ofMinutes(2),
                        Duration.ofMillis(50), concurrency));
            }
            schedulers.forEach(FollowUpScheduler::start);
            long started = System.nanoTime();
            long nextReport = started;
            while (done.get() < n && System.nanoTime() - started < Duration.ofMinutes(60).toNanos()) {
                Thread.sleep(200);
                if (System.nanoTime() >= nextReport) {
                    nextReport += Duration.ofSeconds(30).toNanos();
                    System.out.printf("  %4d s: dialed %,d of %,d%n", (System.nanoTime() - started) / 1_000_000_000L,
                            done.get(), n);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            schedulers.forEach(FollowUpScheduler::close);
            System.out.printf("machine: %d cores, Java %s; concurrency per instance %d%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), concurrency);
            report(n, spanSeconds, instances, dials, Arrays.copyOf(lagMs, done.get()), seconds, schedulers);
        }
    }

    private static void insert(FollowUpRepository repository, int n, Instant firstDue, int spanSeconds, Instant now) {
        CallingWindow always = CallingWindow.of(java.time.ZoneId.of("Asia/Shanghai"), TimeRange.parse("00:00-24:00"),
                List.of());
        List<NewFollowUp> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant due = firstDue.plusMillis((long) spanSeconds * 1000 * i / n);
            batch.add(new NewFollowUp("case-" + i, String.format("139%08d", i), "bench", Mode.COUNSELOR_CALL, "pool",
                    due, always, 3, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            if (batch.size() == 1000) {
                repository.insertAll(batch, now);
                batch.clear();
            }
        }
        repository.insertAll(batch, now);
    }

    private static void report(int n, int spanSeconds, int instances, Map<String, AtomicInteger> dials, long[] lags,
                               double seconds, List<FollowUpScheduler> schedulers) {
        Arrays.sort(lags);
        long duplicates = dials.values().stream().mapToLong(c -> c.get() - 1).sum();
        long claims = schedulers.stream().mapToLong(FollowUpScheduler::claimed).sum();
        System.out.printf("%d instances, %,d follow-ups due over %d s: dialed %,d in %.1f s%n", instances, n, spanSeconds,
                lags.length, seconds);
        System.out.printf("dispatch lag after due time: p50 %,d ms, p99 %,d ms, max %,d ms%n", pct(lags, 50),
                pct(lags, 99), lags.length == 0 ? 0 : lags[lags.length - 1]);
        System.out.printf("duplicates: %d; claims: %,d (%.0f/s); per instance: %s%n", duplicates, claims,
                claims / seconds, schedulers.stream().map(s -> String.valueOf(s.claimed())).toList());
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
