package org.carehotline.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.carehotline.reports.ReportPeriod;
import org.carehotline.reports.ReportSettings;
import org.carehotline.reports.Reports;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;

/**
 * How long the reports take on many contacts: a program, not a test. Loads synthetic calls
 * spread over 90 days into the embedded store (or HOTLINE_TEST_MONGO_URI), growing to each
 * size given, and times the main report (service figures, 30 days by day), the hourly one
 * (7 days) and the whole page (every part, 30 days): median of 3 after a warm-up. If loading
 * would take longer than the budget, it stops there, measures what was loaded and prints a
 * linear extrapolation, labelled as such.
 *
 * <pre>JAVA_HOME=$(.ci/jdk) ./mvnw -q test-compile exec:exec -Dexec.classpathScope=test \
 *   -Dmain.class=org.carehotline.bench.ReportsBenchmark -Dhotline.args="100000 1000000 --runs=3 --load-budget=480"</pre>
 */
public final class ReportsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    private static final int DAYS = 90;
    private static final int BATCH = 5_000;
    /** Seconds of loading allowed per size step (--load-budget=SECONDS). */
    private static long loadBudgetSeconds = 480;
    /** Timed runs per query, median taken, after one warm-up run (--runs=N). */
    private static int runsPerQuery = 3;
    private static final String[] DISPOSITIONS = {"ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED",
            "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED",
            "ANSWERED", "ABANDONED", "ABANDONED", "CALLBACK_REQUESTED", "NO_ANSWER", "FALLBACK"};
    private static final String[] CATEGORIES = {"PSYCHOLOGICAL_SUPPORT", "PSYCHOLOGICAL_SUPPORT", "LEGAL_ADVICE",
            "HARDSHIP_ASSISTANCE", "CRISIS_INTERVENTION"};

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runsPerQuery = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--load-budget=")) {
                loadBudgetSeconds = Long.parseLong(arg.substring(14));
            } else {
                sizes.add(Integer.parseInt(arg.replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(100_000);
        }
        Path dir = Files.createTempDirectory("hotline-bench");
        try (MongoStore store = TestStores.open(dir)) {
            System.out.println("Store: " + store.description() + "; " + Runtime.getRuntime().availableProcessors()
                    + " cores; load budget " + loadBudgetSeconds + " s");
            MongoCollection<Document> contacts = store.database().getCollection(CollectionNames.CONTACTS);
            Reports reports = new Reports(store, new ReportSettings(5, 20), Clock.systemUTC());
            Random random = new Random(42);
            long loaded = 0;
            long loadNanos = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                boolean cut = false;
                while (loaded < size) {
                    int n = (int) Math.min(BATCH, size - loaded);
                    List<Document> batch = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        batch.add(call(random));
                    }
                    contacts.insertMany(batch, new InsertManyOptions().ordered(false));
                    loaded += n;
                    if ((System.nanoTime() - start) / 1e9 > loadBudgetSeconds && loaded < size) {
                        cut = true;
                        break;
                    }
                }
                loadNanos += System.nanoTime() - start;
                System.out.printf("%n== %,d contacts loaded (%.0f s of loading so far, %.0f contacts/s)%s%n", loaded,
                        loadNanos / 1e9, loaded / (loadNanos / 1e9), cut ? " -- load budget reached before "
                                + String.format("%,d", size) : "");
                double main = time("main report: service figures, 30 days by day",
                        () -> reports.service(period(30, ReportPeriod.Bucket.DAY)));
                time("service figures, 7 days by hour", () -> reports.service(period(7, ReportPeriod.Bucket.HOUR)));
                double page = time("whole page: every part, 30 days by day",
                        () -> reports.report(period(30, ReportPeriod.Bucket.DAY)));
                if (cut) {
                    double factor = (double) size / loaded;
                    System.out.printf("EXTRAPOLATED (linear, not measured) to %,d contacts: main report ~%.1f s,"
                            + " whole page ~%.1f s; loading ~%.0f s%n", size, main * factor, page * factor,
                            loadNanos / 1e9 * factor);
                    break;
                }
            }
        }
    }

    private static ReportPeriod period(int days, ReportPeriod.Bucket bucket) {
        return new ReportPeriod(LAST_DAY.minusDays(days - 1), LAST_DAY, bucket, ZONE);
    }

    /** Median of the timed runs after one warm-up, printed; returns seconds. */
    private static double time(String what, Supplier<?> work) {
        work.get();
        double[] runs = new double[runsPerQuery];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            work.get();
            runs[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(runs);
        double median = runs[runs.length / 2];
        System.out.printf("  %-48s median %.3f s of %d runs (fastest %.3f, slowest %.3f)%n", what, median, runsPerQuery,
                runs[0], runs[runs.length - 1]);
        return median;
    }

    /** One inbound call as the CallRecorder stores it, at a random time of the 90 days (more by day than by night). */
    private static Document call(Random random) {
        int day = random.nextInt(DAYS);
        int hour = random.nextInt(10) < 8 ? 8 + random.nextInt(14) : random.nextInt(24);
        Instant started = LAST_DAY.minusDays(day).atTime(hour, random.nextInt(60), random.nextInt(60))
                .atZone(ZONE).toInstant();
        String disposition = DISPOSITIONS[random.nextInt(DISPOSITIONS.length)];
        long wait = random.nextInt(disposition.equals("ANSWERED") ? 90 : 300);
        String counselor = "c" + random.nextInt(12);
        List<Document> offers = new ArrayList<>();
        if (!disposition.equals("ABANDONED") || random.nextBoolean()) {
            if (random.nextInt(5) == 0) {
                offers.add(new Document("counselorId", "c" + random.nextInt(12)).append("at", Date.from(started))
                        .append("outcome", "NOANSWER"));
            }
            offers.add(new Document("counselorId", counselor).append("at", Date.from(started))
                    .append("outcome", disposition.equals("ANSWERED") ? "ANSWER" : "NOANSWER"));
        }
        Document d = new Document("caseId", Long.toHexString(random.nextLong())).append("callerId", "x")
                .append("kind", "inbound_call").append("uniqueId", started.getEpochSecond() + "." + random.nextInt(999))
                .append("phone", "138" + (10_000_000 + random.nextInt(89_999_999)))
                .append("menuKey", "1").append("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                .append("offers", offers).append("startedAt", Date.from(started))
                .append("queuedAt", Date.from(started.plusSeconds(15)))
                .append("endedAt", Date.from(started.plusSeconds(wait + 600))).append("waitSeconds", wait)
                .append("disposition", disposition)
                .append("log", List.of(new Document("at", Date.from(started)).append("entry",
                        "waiting at position 1: signed in with PSYCHOLOGICAL_SUPPORT: " + counselor + " ON_CALL")));
        if (disposition.equals("ANSWERED")) {
            d.append("answeredBy", counselor).append("answeredAt", Date.from(started.plusSeconds(15 + wait)))
                    .append("talkSeconds", 60L + random.nextInt(1800));
        }
        return d;
    }
}
