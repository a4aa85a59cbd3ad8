package org.carehotline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.carehotline.support.FreePorts;
import org.carehotline.testing.FakeAmiServer;

/**
 * One benchmark run against one server (the Care Hotline as built, or the stock-pool
 * variant), phase by phase:
 * <ol>
 *   <li>warm-up: callers arrive at a modest rate and every one finds a free counselor; a
 *       first round is not measured (the JVM's first calls pay for class loading and
 *       compilation, a server runs for days), the second is (arrival → Dial);</li>
 *   <li>every counselor goes "busy elsewhere" (AMI INUSE); the idle heap is measured;</li>
 *   <li>hold: {@code calls} callers dial in and all wait; sessions held and heap measured;</li>
 *   <li>serve: the counselors come back (a burst), then serve for {@code duration} seconds
 *       while every caller who is done is replaced (counselor free → Dial);</li>
 *   <li>everyone still on the line hangs up; the server must close every session.</li>
 * </ol>
 */
final class BenchRun {

    /** What one run measured. */
    record Result(String name, Recorders recorders, long warmupCalls, long placedHold, long heldAtMeasure,
                  long serverSessionsAtMeasure, long serverWaitingAtMeasure, long peakHeld, long placedAtHold, boolean settled, long refusedAtHold, long fallbackAtHold, long refused, long fallback,
                  long serverRejected, long peakThreads, double rampSeconds, double settleSeconds,
                  long heapIdle, long heapWaiting, long rssIdleKb, long rssWaitingKb, long simHeapPerCall,
                  List<String> histogram, long servedSteady, double steadySeconds, long wakes, long wakesLost, long wakesNeverQueued,
                  long wakesUnknown, long doubleBooked, long unexpected, long errors, List<String> samples, long leftOpenClient,
                  long leftOpenServer, long serverCpuMs, List<String> serverProblems) {

        double heapPerWaitingKb() {
            return heldAtMeasure == 0 ? Double.NaN : (heapWaiting - heapIdle) / 1024.0 / heldAtMeasure;
        }

        double rssPerWaitingKb() {
            return heldAtMeasure == 0 ? Double.NaN : (double) (rssWaitingKb - rssIdleKb) / heldAtMeasure;
        }
    }

    private final BenchOptions options;
    private final String name;
    private final String mode;
    private final int durationS;
    private final Path workDir;

    BenchRun(BenchOptions options, String name, String mode, int durationS, Path workDir) {
        this.options = options;
        this.name = name;
        this.mode = mode;
        this.durationS = durationS;
        this.workDir = workDir;
    }

    Result run() throws Exception {
        Recorders recorders = new Recorders();
        try (FakeAmiServer ami = FakeAmiServer.start()) {
            SimulatedCounselors phones = new SimulatedCounselors(options.counselors(), ami,
                    ms(options.ringMinS()), ms(options.ringMaxS()), ms(options.talkMinS()), ms(options.talkMaxS()));
            int agiPort = FreePorts.next();
            SimulatedAsterisk asterisk = new SimulatedAsterisk(agiPort, ami, phones, options.amiEvents());
            Path dataDir = Files.createDirectories(workDir.resolve(mode + "-data"));
            StoreProcess store = options.separateStore()
                    ? StoreProcess.start(dataDir, workDir.resolve(mode + "-store.log")) : null;
            List<String> args = new java.util.ArrayList<>(List.of("--bench.mode=" + mode, "--bench.counselors=" + options.counselors(),
                    "--http.host=127.0.0.1", "--http.port=" + FreePorts.next(), "--agi.bind=127.0.0.1",
                    "--agi.port=" + agiPort, "--ami.host=127.0.0.1", "--ami.port=" + ami.port(), "--ami.user=hotline",
                    "--ami.secret=secret", "--ami.reconnect-initial-ms=100", "--data.dir=" + dataDir, "--demo=false",
                    "--admin.password=bench-admin-1", "--backup.enabled=false", "--routing.dialect-menu=", "--routing.wrap-up-seconds=0",
                    "--routing.overflow-after-seconds=7200", "--queue.wait-slice-ms=" + options.waitSliceMs(),
                    "--queue.announce-every-seconds=" + options.announceEverySeconds()));
            if (store != null) {
                args.add("--mongo.uri=" + store.uri());
            }
            progress("starting the server (" + mode + ")");
            try (ServerProcess server = ServerProcess.start(options.serverJvm(), args,
                    workDir.resolve(mode + "-server.log"))) {
                awaitTrue("AMI login and " + options.counselors() + " counselors available", 60,
                        () -> field(server, "available") == options.counselors());

                // 1. warm-up: every caller finds a free counselor
                // at most half the counselors busy at once, so that every warm-up caller finds one free
                int warmupRate = (int) Math.max(1, Math.min(options.arrivalRate(),
                        options.counselors() / 2.0 / (options.talkMinS() + options.ringMaxS() + 0.5)));
                progress("warm-up: 2 x " + options.warmupCalls() + " callers at " + warmupRate + "/s (the first "
                        + "round not measured)");
                phones.shortCalls(true);
                asterisk.recorders = null;
                pace(asterisk, options.warmupCalls(), warmupRate, options.maxSetup(), 300);
                awaitTrue("unmeasured warm-up calls done", 120, () -> asterisk.ended.get() == asterisk.placed.get());
                long unmeasured = asterisk.placed.get();
                asterisk.recorders = recorders;
                pace(asterisk, options.warmupCalls(), warmupRate, options.maxSetup(), 300);
                long warmup = asterisk.placed.get() - unmeasured;
                awaitTrue("warm-up calls done", 120, () -> asterisk.ended.get() == asterisk.placed.get());
                phones.shortCalls(false);

                // 2. everybody busy elsewhere; idle heap
                phones.setBusyElsewhere(true);
                awaitTrue("counselors busy", 30, () -> field(server, "available") == 0);
                server.ask("resetpeak");
                Map<String, Long> idle = server.ask("heap");
                Map<String, long[]> histoIdle = options.histogram() ? server.histogram() : Map.of();
                long simIdle = usedHeapAfterGc();

                // 3. hold: all callers wait (callers the server fails are replaced, to fill the queue)
                progress("hold: " + options.calls() + " callers at up to " + options.rampRate() + "/s");
                long refusedBefore = asterisk.refused.get();
                long fallbackBefore = asterisk.fallback.get();
                long placedBefore = asterisk.placed.get();
                asterisk.replaceFailed = true;
                long rampStart = System.nanoTime();
                pace(asterisk, options.calls(), options.rampRate(), options.maxSetup(), options.settleTimeoutS());
                double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
                boolean settled = awaitQuietly(Math.max(1, options.settleTimeoutS() - (int) rampSeconds),
                        () -> asterisk.waiting.get() + asterisk.refused.get() - refusedBefore >= options.calls()
                                && asterisk.open.get() == asterisk.waiting.get());
                asterisk.replaceFailed = false;
                double settleSeconds = (System.nanoTime() - rampStart) / 1e9;
                long refusedAtHold = asterisk.refused.get() - refusedBefore;
                long fallbackAtHold = asterisk.fallback.get() - fallbackBefore;
                long placedAtHold = asterisk.placed.get() - placedBefore;
                if (!settled) {
                    progress("hold not reached within " + options.settleTimeoutS() + " s: on hold "
                            + asterisk.waiting.get() + ", in setup " + asterisk.inSetup() + ", refused "
                            + refusedAtHold + ", sent to fallback " + fallbackAtHold);
                }
                long heldNow = asterisk.held.get();
                Map<String, Long> status = server.ask("status");
                Map<String, Long> waitingHeap = server.ask("heap");
                Map<String, long[]> histoWaiting = options.histogram() ? server.histogram() : Map.of();
                long simWaiting = usedHeapAfterGc();
                progress("holding " + heldNow + " sessions (server: " + status.get("sessions") + " sessions, "
                        + status.get("waiting") + " in its queue); heap measured");

                // 4. serve: counselors come back, callers are replaced
                progress("serve: " + durationS + " s");
                phones.clearFree();
                long servedBefore = asterisk.served.get();
                asterisk.replace = true;
                asterisk.serving = true;
                long steadyStart = System.nanoTime();
                phones.setBusyElsewhere(false);
                long peakThreads = 0;
                long end = System.nanoTime() + durationS * 1_000_000_000L;
                long nextProgress = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < end) {
                    Thread.sleep(1000);
                    Map<String, Long> s = server.ask("status");
                    peakThreads = Math.max(peakThreads, s.getOrDefault("peakThreads", 0L));
                    if (System.nanoTime() > nextProgress) {
                        nextProgress += 5_000_000_000L;
                        progress(String.format(Locale.ROOT, "  %3.0f s: served %d, on hold %d, held %d, "
                                        + "server sessions %d, free->dial n=%d",
                                (System.nanoTime() - steadyStart) / 1e9, asterisk.served.get() - servedBefore,
                                asterisk.waiting.get(), asterisk.held.get(), s.get("sessions"),
                                recorders.freeToDial.summary().count()));
                    }
                }
                asterisk.recorders = null;
                asterisk.serving = false;
                double steadySeconds = (System.nanoTime() - steadyStart) / 1e9;
                long servedSteady = asterisk.served.get() - servedBefore;

                // 5. everyone hangs up; every session must end
                progress("hang-up");
                asterisk.hangUpAll();
                awaitQuietly(90, () -> {
                    asterisk.hangUpAll();
                    return asterisk.open.get() == 0;
                });
                awaitQuietly(30, () -> field(server, "sessions") == 0);
                Map<String, Long> last = server.ask("status");
                peakThreads = Math.max(peakThreads, last.getOrDefault("peakThreads", 0L));
                List<String> histogram = options.histogram() && heldNow > 0
                        ? growthByClass(histoIdle, histoWaiting, heldNow) : List.of();
                return new Result(name, recorders, warmup, options.calls(), heldNow, status.get("sessions"),
                        status.get("waiting"), asterisk.peakHeld.get(), placedAtHold, settled, refusedAtHold, fallbackAtHold, asterisk.refused.get(),
                        asterisk.fallback.get(),
                        last.getOrDefault("rejected", -1L), peakThreads, rampSeconds, settleSeconds,
                        idle.get("used"), waitingHeap.get("used"), idle.get("rssKb"), waitingHeap.get("rssKb"),
                        heldNow == 0 ? 0 : (simWaiting - simIdle) / heldNow, histogram, servedSteady, steadySeconds,
                        asterisk.wakes.get(), asterisk.wakesLost.get(), asterisk.wakesNeverQueued.get(), asterisk.wakesUnknown.get(),
                        phones.doubleBooked.get(), asterisk.unexpected.get(), asterisk.errors.get(), List.copyOf(asterisk.samples),
                        asterisk.open.get(), last.get("sessions"), last.get("cpuMs"), server.problems(8));
            } finally {
                if (store != null) {
                    store.close();
                }
            }
        }
    }

    /** Places {@code count} calls at {@code perSecond}. */
    /** Places {@code count} calls at up to {@code perSecond}, with at most {@code maxSetup} being set up at once. */
    private static void pace(SimulatedAsterisk asterisk, int count, int perSecond, int maxSetup, int maxSeconds)
            throws InterruptedException {
        long interval = 1_000_000_000L / Math.max(1, perSecond);
        long due = System.nanoTime();
        long deadline = due + maxSeconds * 1_000_000_000L;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            while (asterisk.inSetup() >= maxSetup && System.nanoTime() < deadline) {
                Thread.sleep(2);
                due = Math.max(due, System.nanoTime());
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            asterisk.place();
            due += interval;
        }
    }

    /** The classes whose live heap grew most between idle and all callers waiting, per waiting call. */
    private static List<String> growthByClass(Map<String, long[]> idle, Map<String, long[]> waiting, long calls) {
        record Growth(String cls, long instances, long bytes) {}
        List<Growth> growth = new ArrayList<>();
        waiting.forEach((cls, w) -> {
            long[] i = idle.getOrDefault(cls, new long[2]);
            growth.add(new Growth(cls, w[0] - i[0], w[1] - i[1]));
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        List<String> rows = new ArrayList<>();
        long total = growth.stream().mapToLong(Growth::bytes).sum();
        for (Growth g : growth.subList(0, Math.min(14, growth.size()))) {
            rows.add(String.format(Locale.ROOT, "    %8.2f KB  %6.1f obj  %s", g.bytes() / 1024.0 / calls,
                    (double) g.instances() / calls, g.cls()));
        }
        rows.add(String.format(Locale.ROOT, "    %8.2f KB  total growth per waiting call (class histogram)",
                total / 1024.0 / calls));
        return rows;
    }

    private static long field(ServerProcess server, String key) {
        try {
            return server.ask("status").getOrDefault(key, -1L);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void awaitTrue(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, seconds, condition, () -> "");
    }

    private static void awaitTrue(String what, int seconds, BooleanSupplier condition,
                                  java.util.function.Supplier<String> state) throws InterruptedException {
        if (!awaitQuietly(seconds, condition)) {
            throw new IllegalStateException("timed out after " + seconds + " s waiting for: " + what + " "
                    + state.get());
        }
    }

    private static boolean awaitQuietly(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static int ms(double seconds) {
        return (int) Math.round(seconds * 1000);
    }

    static void progress(String message) {
        System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), message);
    }
}
