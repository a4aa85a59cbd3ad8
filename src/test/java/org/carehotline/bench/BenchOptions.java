package org.carehotline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's command line: {@code --key=value}; {@code --help} lists them. */
record BenchOptions(
        int calls,
        int counselors,
        double ringMinS,
        double ringMaxS,
        double talkMinS,
        double talkMaxS,
        int warmupCalls,
        int arrivalRate,
        int rampRate,
        int maxSetup,
        int durationS,
        boolean compare,
        int compareDurationS,
        int waitSliceMs,
        int announceEverySeconds,
        boolean amiEvents,
        boolean histogram,
        int settleTimeoutS,
        double targetP99Ms,
        double targetHeapKb,
        List<String> serverJvm,
        boolean separateStore) {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        option("calls", "5000", "concurrent callers (all wait at once in the hold phase, kept constant after)");
        option("counselors", "300", "simulated counselors (PJSIP/7000...), psychological support");
        option("ring", "0.2-1", "seconds a counselor's phone rings before they answer (uniform range)");
        option("talk", "2-20", "seconds a conversation lasts (uniform range; warm-up calls use the minimum)");
        option("warmup-calls", "200", "calls in the warm-up phase, when every caller finds a free counselor");
        option("arrival-rate", "20", "calls/s in the warm-up phase");
        option("ramp-rate", "250", "calls/s while the waiting callers dial in");
        option("max-setup", "100", "at most this many calls being set up by the server at once while ramping");
        option("duration", "30", "seconds of the steady phase (counselors serving, callers replaced)");
        option("compare", "true", "also run the same load against a stock asterisk-java DefaultAgiServer");
        option("compare-duration", "20", "seconds of the steady phase of the comparison run");
        option("wait-slice-ms", "20000", "server key queue.wait-slice-ms (longest WAIT FOR DIGIT while AMI can wake the caller)");
        option("announce-every", "45", "server key queue.announce-every-seconds");
        option("ami-events", "true", "send DialEnd and Hangup events as Asterisk does (AMI event load)");
        option("histogram", "true", "print the server's heap growth per waiting call by class");
        option("settle-timeout", "300", "longest wait, in seconds, for all callers to be on hold");
        option("target-p99-ms", "10", "target: decision latency p99 at most this");
        option("target-heap-kb", "64", "target: server heap per waiting call at most this");
        option("server-jvm", "-Xmx2g", "JVM options of the server process, separated by spaces");
        option("store", "separate", "separate: the embedded store in a JVM of its own, reached by mongo.uri as the "
                + "deployed MongoDB is (docker/); in-process: in the server's JVM, as the run command starts it");
    }

    private static void option(String key, String value, String help) {
        DEFAULTS.put(key, value);
        HELP.put(key, help);
    }

    static String help() {
        StringBuilder out = new StringBuilder("RoutingBenchmark options (--key=value):\n");
        HELP.forEach((k, h) -> out.append(String.format(Locale.ROOT, "  --%-18s %-8s %s%n", k, DEFAULTS.get(k), h)));
        return out.toString();
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.split(" (?=--)")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = part.startsWith("--") && eq > 2 ? part.substring(2, eq) : "";
                if (!DEFAULTS.containsKey(key)) {
                    problems.add("unknown option '" + part + "'");
                } else {
                    values.put(key, part.substring(eq + 1));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + "\n" + help());
        }
        double[] ring = range(values.get("ring"));
        double[] talk = range(values.get("talk"));
        return new BenchOptions(
                Integer.parseInt(values.get("calls")),
                Integer.parseInt(values.get("counselors")),
                ring[0], ring[1], talk[0], talk[1],
                Integer.parseInt(values.get("warmup-calls")),
                Integer.parseInt(values.get("arrival-rate")),
                Integer.parseInt(values.get("ramp-rate")),
                Integer.parseInt(values.get("max-setup")),
                Integer.parseInt(values.get("duration")),
                Boolean.parseBoolean(values.get("compare")),
                Integer.parseInt(values.get("compare-duration")),
                Integer.parseInt(values.get("wait-slice-ms")),
                Integer.parseInt(values.get("announce-every")),
                Boolean.parseBoolean(values.get("ami-events")),
                Boolean.parseBoolean(values.get("histogram")),
                Integer.parseInt(values.get("settle-timeout")),
                Double.parseDouble(values.get("target-p99-ms")),
                Double.parseDouble(values.get("target-heap-kb")),
                List.of(values.get("server-jvm").strip().split("\\s+")),
                store(values.get("store")));
    }

    private static boolean store(String value) {
        return switch (value) {
            case "in-process" -> false;
            case "separate" -> true;
            default -> throw new IllegalArgumentException("--store must be in-process or separate, not '" + value + "'");
        };
    }

    private static double[] range(String text) {
        String[] parts = text.split("-");
        double min = Double.parseDouble(parts[0]);
        double max = parts.length > 1 ? Double.parseDouble(parts[1]) : min;
        return new double[] {min, Math.max(min, max)};
    }

    String describe() {
        return String.format(Locale.ROOT, "calls=%d counselors=%d ring=%s-%s s talk=%s-%s s warm-up=%d calls at %d/s "
                        + "ramp-rate=%d/s max-setup=%d duration=%d s compare=%s (%d s) wait-slice=%d ms announce-every=%d s "
                        + "ami-events=%s server-jvm=%s store=%s",
                calls, counselors, ringMinS, ringMaxS, talkMinS, talkMaxS, warmupCalls, arrivalRate, rampRate, maxSetup, durationS, compare,
                compareDurationS, waitSliceMs, announceEverySeconds, amiEvents, String.join(" ", serverJvm),
                separateStore ? "separate" : "in-process");
    }
}
