package org.carehotline.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carehotline.testing.BusyAsteriskStream;

/**
 * The AMI ingestion benchmark (issue #14): a fake Asterisk 22 on a real socket plays a busy
 * Asterisk's event stream at increasing rates against the server's AMI link, without the hotline
 * user's filters (no {@code Events} mask, no eventfilter: everything Asterisk produces is written)
 * and with them (dialplan/manager_hotline.conf as manager.c applies it), and reports per rate the
 * events lost or reordered among those the server uses, the lag from event to router state and to
 * the board, CPU, and the highest rate sustained with nothing lost.
 *
 * <pre>
 * JAVA_HOME="$(.ci/jdk)" ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.carehotline.bench.AmiIngestBenchmark \
 *     -Dexec.args="--rates=5000,10000,20000,50000,100000 --seconds=10"
 * </pre>
 */
public final class AmiIngestBenchmark {

    private static final int TARGET = 50_000;

    private AmiIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("rates", "5000,10000,20000,50000,100000",
                "seconds", "10", "talk", "60", "phones", "100", "variants", "unfiltered,filtered"));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2 || !o.containsKey(kv[0])) {
                System.err.println("options: " + o.keySet().stream().map(k -> "--" + k + "=" + o.get(k)).toList());
                System.exit(2);
            }
            o.put(kv[0], kv[1]);
        }
        int seconds = Integer.parseInt(o.get("seconds"));
        int talk = Integer.parseInt(o.get("talk"));
        int phones = Integer.parseInt(o.get("phones"));
        int[] rates = Arrays.stream(o.get("rates").split(",")).mapToInt(Integer::parseInt).toArray();
        BusyAsteriskStream stream = new BusyAsteriskStream(talk, phones);
        String loadBefore = Machine.loadAverage();
        StringBuilder r = new StringBuilder();
        r.append("AMI ingestion benchmark, ").append(Instant.now()).append('\n');
        r.append("machine: ").append(Machine.cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(Machine.memTotal()).append(", ").append(Machine.jdkAndOs()).append('\n');
        r.append("load before: ").append(loadBefore).append('\n');
        r.append(String.format(Locale.ROOT, "parameters: %s; %d s per rate; a call = %d events (%d used by the "
                + "server), %d s of talk, over %d counselor phones; a probe phone state every 10 ms%n", o, seconds,
                stream.eventsPerCall(), stream.usedPerCall(), talk, phones));
        List<AmiIngestRun.Result> results = new ArrayList<>();
        for (String variant : o.get("variants").split(",")) {
            for (int rate : rates) {
                AmiIngestRun.Result res = new AmiIngestRun("filtered".equals(variant), rate, seconds, talk, phones)
                        .run();
                results.add(res);
                System.out.println(row(res));
                System.out.flush();
            }
        }
        r.append(String.format(Locale.ROOT, "%-10s %7s %9s %9s %8s %8s %5s %5s %5s %8s %6s %6s %8s %8s %8s %6s %6s %s%n",
                "variant", "rate/s", "generated", "written", "used", "received", "lost", "reord", "login",
                "skipped", "waits", "sent/s", "rtr p50", "rtr p99", "board99", "cpu%", "rdr%", "sustained"));
        for (AmiIngestRun.Result res : results) {
            r.append(row(res)).append('\n');
        }
        List<String> failures = new ArrayList<>();
        for (String variant : o.get("variants").split(",")) {
            int best = results.stream().filter(x -> x.variant().equals(variant) && x.sustained())
                    .mapToInt(AmiIngestRun.Result::rate).max().orElse(0);
            r.append(String.format(Locale.ROOT, "highest rate sustained with 0 lost, %s: %d events/s%n", variant, best));
            if ("filtered".equals(variant) && best < TARGET && Arrays.stream(rates).anyMatch(x -> x >= TARGET)) {
                failures.add("filtered sustained " + best + " < " + TARGET + " events/s");
            }
        }
        long lostAnywhere = results.stream().filter(x -> x.logins() == 1).mapToLong(x -> x.linkLost() + x.lost()).sum();
        r.append("used events lost without a reconnect to show for it (all rates): ").append(lostAnywhere).append('\n');
        r.append("load after: ").append(Machine.loadAverage()).append('\n');
        System.out.print(r);
        System.out.println(failures.isEmpty() ? "benchmark: PASS" : "benchmark: FAIL (" + String.join("; ", failures) + ")");
        System.out.flush();
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static String row(AmiIngestRun.Result x) {
        return String.format(Locale.ROOT,
                "%-10s %7d %9d %9d %8d %8d %5d %5d %5d %8d %6d %6.0f %8.2f %8.2f %8.2f %6.0f %6.0f %s",
                x.variant(), x.rate(), x.generated(), x.written(), x.usedSent(), x.usedReceived(), x.lost() + x.linkLost(),
                x.reordered() + x.linkReordered(), x.logins(), x.skipped(), x.readerWaits(), x.generated() / x.seconds(),
                x.routerLag().p50Ms(), x.routerLag().p99Ms(), x.boardLag().p99Ms(), x.processCpu() * 100,
                x.readerCpu() * 100, x.sustained() ? "yes" : "NO");
    }
}
