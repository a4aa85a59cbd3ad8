package org.carehotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The routing benchmark: plays Asterisk over real sockets against the Care Hotline server (in
 * a child JVM, with its embedded MongoDB): thousands of concurrent FastAGI sessions waiting on
 * hold and matched to a few hundred simulated counselors, then the same load against a stock
 * asterisk-java {@code DefaultAgiServer} thread pool. Prints a report and
 * {@code benchmark: PASS} or {@code FAIL} against the targets.
 *
 * <pre>
 * JAVA_HOME="$(.ci/jdk)" ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carehotline.bench.RoutingBenchmark -Dexec.args="--calls=5000 --counselors=300"
 * </pre>
 *
 * {@code --help} lists the options. See {@link BenchRun} for the phases.
 */
public final class RoutingBenchmark {

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.help());
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path workDir = Files.createTempDirectory("hotline-bench-");
        String loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        BenchRun.Result main;
        BenchRun.Result stock;
        try {
            main = new BenchRun(options, "Care Hotline (virtual-thread sessions)", "virtual", options.durationS(),
                    workDir).run();
            stock = options.compare() ? new BenchRun(options, "stock DefaultAgiServer pool", "stock",
                    options.compareDurationS(), workDir).run() : null;
        } catch (Exception e) {
            e.printStackTrace();
            System.out.println("benchmark: FAIL (" + e.getMessage() + "; server logs in " + workDir + ")");
            System.out.flush();
            System.exit(1);
            return;
        }
        double wall = (System.nanoTime() - started) / 1e9;

        List<String> failures = new ArrayList<>();
        String report = report(options, main, stock, wall, loadBefore, failures);
        System.out.print(report);
        System.out.println(failures.isEmpty() ? "benchmark: PASS"
                : "benchmark: FAIL (" + String.join("; ", failures) + ")");
        System.out.flush();
        if (failures.isEmpty()) {
            deleteQuietly(workDir);
        } else {
            System.out.println("server logs kept in " + workDir);
        }
        System.out.flush();
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static String report(BenchOptions o, BenchRun.Result main, BenchRun.Result stock, double wall,
                                 String loadBefore, List<String> failures) {
        StringBuilder r = new StringBuilder();
        line(r, "");
        line(r, "=== Care Hotline routing benchmark ===");
        line(r, "machine:    %d CPUs (%s), %s memory", Runtime.getRuntime().availableProcessors(), Machine.cpuModel(),
                Machine.memTotal());
        line(r, "load:       1/5/15-min load average %s before, %s after (other processes on this machine skew "
                + "the numbers when above ~0.5)", loadBefore, Machine.loadAverage());
        line(r, "JDK:        %s", Machine.jdkAndOs());
        line(r, "parameters: %s", o.describe());
        line(r, "setup:      server in a child JVM (real HotlineApp, wrap-up 0 s, no dialect menu); embedded MongoDB "
                + "in a temp folder, %s; simulated Asterisk (FastAGI callers, counselor phones, fake AMI) "
                + "in this JVM; all on 127.0.0.1; wall time %.0f s",
                o.separateStore() ? "in a JVM of its own (as MongoDB runs beside the server when deployed)"
                        : "in the server's JVM", wall);
        line(r, "");
        line(r, "--- the router alone (in this JVM: no AGI, AMI or database) ---");
        RouterProbe.run(o.calls(), o.counselors()); // warm-up
        RouterProbe.run(o.calls(), o.counselors()).forEach(row -> line(r, "%s", row));
        section(r, main, o);
        if (stock != null) {
            section(r, stock, o);
        }

        LatencyRecorder.Summary free = main.recorders().freeToDial.summary();
        LatencyRecorder.Summary arrival = main.recorders().arrivalToDial.summary();
        double heapKb = main.heapPerWaitingKb();
        line(r, "");
        line(r, "targets (Care Hotline run):");
        check(r, failures, main.heldAtMeasure() >= o.calls() && main.refusedAtHold() == 0
                        && main.serverSessionsAtMeasure() >= o.calls(),
                String.format(Locale.ROOT, "%d concurrent waiting calls held (client %d, server %d, refused %d, "
                                + "sent to fallback %d)", o.calls(), main.heldAtMeasure(),
                        main.serverSessionsAtMeasure(), main.refusedAtHold(), main.fallbackAtHold()));
        check(r, failures, !free.empty() && free.p99Ms() <= o.targetP99Ms(),
                String.format(Locale.ROOT, "counselor free -> Dial p99 %.2f ms <= %.0f ms", free.p99Ms(),
                        o.targetP99Ms()));
        check(r, failures, !arrival.empty() && arrival.p99Ms() <= o.targetP99Ms(),
                String.format(Locale.ROOT, "arrival -> Dial p99 %.2f ms <= %.0f ms", arrival.p99Ms(),
                        o.targetP99Ms()));
        check(r, failures, heapKb <= o.targetHeapKb(),
                String.format(Locale.ROOT, "server heap per waiting call %.1f KB <= %.0f KB", heapKb,
                        o.targetHeapKb()));
        check(r, failures, main.errors() == 0 && main.unexpected() == 0 && main.leftOpenServer() == 0
                        && main.leftOpenClient() == 0 && main.fallback() == 0 && main.doubleBooked() == 0,
                String.format(Locale.ROOT, "every call routed, clean run (sent to fallback by the server %d, "
                                + "counselor dialed while in a call %d, errors %d, unexpected commands %d, "
                                + "sessions left open %d/%d)", main.fallback(), main.doubleBooked(),
                        main.errors(), main.unexpected(), main.leftOpenClient(), main.leftOpenServer()));
        return r.toString();
    }

    private static void section(StringBuilder r, BenchRun.Result x, BenchOptions o) {
        line(r, "");
        line(r, "--- %s ---", x.name());
        line(r, "hold phase:  target %d callers on hold; %d calls placed (callers sent to fallback are replaced) "
                        + "over %.1f s; %s after %.1f s (%.1f calls/s reached hold)", x.placedHold(), x.placedAtHold(),
                x.rampSeconds(), x.settled() ? "all on hold" : "NOT all on hold", x.settleSeconds(),
                x.heldAtMeasure() / x.settleSeconds());
        line(r, "  sessions held at once: %d waiting (client), %d server sessions, %d in the router's queue; "
                        + "refused %d; sent to fallback by the server %d%s", x.heldAtMeasure(),
                x.serverSessionsAtMeasure(), x.serverWaitingAtMeasure(), x.refusedAtHold(), x.fallbackAtHold(), x.serverRejected() >= 0 ? " (server: \"Execution was rejected by pool\" x"
                        + x.serverRejected() + " over the whole run)" : "");
        line(r, "  peak sessions held (whole run): %d; peak platform threads in the server JVM: %d",
                x.peakHeld(), x.peakThreads());
        line(r, "  server heap (after full GC): idle %.1f MB, %d waiting %.1f MB -> %.1f KB per waiting call",
                x.heapIdle() / 1048576.0, x.heldAtMeasure(), x.heapWaiting() / 1048576.0, x.heapPerWaitingKb());
        line(r, "  server RSS: idle %.1f MB, waiting %.1f MB -> %.1f KB per waiting call (for reference: includes "
                        + "heap the GC committed, thread stacks, socket buffers)", x.rssIdleKb() / 1024.0, x.rssWaitingKb() / 1024.0,
                x.rssPerWaitingKb());
        line(r, "  simulated Asterisk side (this JVM, not counted above): %.1f KB heap per call",
                x.simHeapPerCall() / 1024.0);
        if (!x.histogram().isEmpty()) {
            line(r, "  server heap growth per waiting call, top classes:");
            x.histogram().forEach(h -> line(r, "%s", h));
        }
        line(r, "serve phase: %.0f s, %d calls served (%.1f/s), %d callers kept on the line",
                x.steadySeconds(), x.servedSteady(), x.servedSteady() / x.steadySeconds(), o.calls());
        line(r, "  wake-ups (whole run): %d PlayDTMF ended a WAIT FOR DIGIT; %d reached a waiting caller between "
                        + "commands (dropped, as res_agi does); %d went to callers routed at once, never on hold; %d for a "
                        + "channel already gone", x.wakes(), x.wakesLost(), x.wakesNeverQueued(), x.wakesUnknown());
        line(r, "%s", LatencyRecorder.Summary.header());
        for (LatencyRecorder rec : x.recorders().all()) {
            line(r, "%s", rec.summary().row());
        }
        long slow = x.recorders().freeToDial.countAbove(o.waitSliceMs() * 1_000_000L / 2);
        line(r, "  counselor free -> Dial above half a wait slice (%d ms): %d", o.waitSliceMs() / 2, slow);
        line(r, "  warm-up calls %d (arrival -> Dial); refused in the whole run %d; sent to fallback %d; counselor "
                        + "dialed while already in a hotline call %d; errors %d; unexpected commands %d; "
                        + "sessions left open at the end: client %d, server %d; server CPU %.1f s",
                x.warmupCalls(), x.refused(), x.fallback(), x.doubleBooked(), x.errors(), x.unexpected(), x.leftOpenClient(), x.leftOpenServer(),
                x.serverCpuMs() / 1000.0);
        x.samples().forEach(s -> line(r, "  sample: %s", s));
        if (!x.serverProblems().isEmpty()) {
            line(r, "  server log warnings/errors:");
            x.serverProblems().forEach(p -> line(r, "    %s", p));
        }
    }

    private static void check(StringBuilder r, List<String> failures, boolean ok, String what) {
        line(r, "  [%s] %s", ok ? "PASS" : "FAIL", what);
        if (!ok) {
            failures.add(what);
        }
    }

    private static void line(StringBuilder r, String format, Object... args) {
        r.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder
        }
    }
}
