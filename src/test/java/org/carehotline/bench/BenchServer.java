package org.carehotline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.carehotline.HotlineApp;
import org.carehotline.cases.Category;
import org.carehotline.config.HotlineConfig;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.counselors.Role;
import org.carehotline.routing.PresenceState;
import org.carehotline.routing.Router;
import org.carehotline.store.MongoStore;

/**
 * The server side of the benchmark, in its own JVM so that its heap is measured alone: the
 * counselor accounts are saved, then either the real {@link HotlineApp} (sessions on virtual
 * threads) or the same parts behind a stock asterisk-java {@code DefaultAgiServer}
 * ({@link StockHotline}) is started. Driven line by line on stdin; answers on stdout with
 * lines starting with '@' (logs go to stderr).
 *
 * <p>Commands: {@code status}, {@code heap} (GC, then used heap), {@code histo} (class
 * histogram after a full GC), {@code quit}.
 */
public final class BenchServer {

    /** First endpoint number of the simulated counselors: PJSIP/7000, PJSIP/7001, ... */
    static final int FIRST_EXTENSION = 7000;

    private interface Server extends AutoCloseable {
        Router router();

        /** Sessions the AGI server holds now (script running). */
        int sessionsActive();

        /** Connections the AGI server refused ("Execution was rejected by pool"); -1 when it never refuses. */
        long rejected();

        @Override
        void close();
    }

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "virtual";
        int counselors = 300;
        List<String> hotlineArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--bench.mode=")) {
                mode = arg.substring("--bench.mode=".length());
            } else if (arg.startsWith("--bench.counselors=")) {
                counselors = Integer.parseInt(arg.substring("--bench.counselors=".length()));
            } else {
                hotlineArgs.add(arg);
            }
        }
        HotlineConfig config = HotlineConfig.load(Map.of(), hotlineArgs);
        long t0 = System.nanoTime();
        saveCounselors(config, counselors);
        long t1 = System.nanoTime();
        Server server = "stock".equals(mode) ? stock(config) : virtual(config);
        System.err.printf("bench-server: %d counselors saved in %d ms, %s server started in %d ms%n", counselors,
                (t1 - t0) / 1_000_000, mode, (System.nanoTime() - t1) / 1_000_000);
        System.out.println("@ready pid=" + ProcessHandle.current().pid());
        System.out.flush();
        serve(server);
    }

    /** The simulated counselors' accounts, saved before the server starts (it reads the roster at startup). */
    private static void saveCounselors(HotlineConfig config, int count) {
        try (MongoStore store = MongoStore.open(config.store())) {
            CounselorRepository repository = new CounselorRepository(store);
            String hash = new PasswordHasher().hash("bench-counselor");
            for (int i = 0; i < count; i++) {
                int extension = FIRST_EXTENSION + i;
                repository.save(new Counselor(null, "bench." + extension, "Counselor " + extension,
                        Set.of(Role.COUNSELOR), "PJSIP/" + extension, Map.of(Category.PSYCHOLOGICAL_SUPPORT, 3),
                        List.of("mandarin"), true), hash);
            }
        }
    }

    private static Server virtual(HotlineConfig config) {
        HotlineApp app = HotlineApp.start(config, Clock.systemUTC());
        // the simulated counselors are at their desks
        new CounselorRepository(app.store()).findAll().forEach(c -> app.router().signIn(c.id()));
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + app.httpPort() + "/health");
        Pattern active = Pattern.compile("\"sessionsActive\"\\s*:\\s*(\\d+)");
        return new Server() {
            @Override
            public Router router() {
                return app.router();
            }

            @Override
            public int sessionsActive() {
                // FastAgiService.Status is what /health reports; HotlineApp does not expose it otherwise
                try {
                    String body = http.send(HttpRequest.newBuilder(health).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = active.matcher(body);
                    return m.find() ? Integer.parseInt(m.group(1)) : -1;
                } catch (Exception e) {
                    return -1;
                }
            }

            @Override
            public long rejected() {
                return -1;
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }

    private static Server stock(HotlineConfig config) throws Exception {
        StockHotline stock = StockHotline.start(config);
        return new Server() {
            @Override
            public Router router() {
                return stock.router();
            }

            @Override
            public int sessionsActive() {
                return stock.sessionsActive();
            }

            @Override
            public long rejected() {
                return stock.rejected();
            }

            @Override
            public void close() {
                stock.close();
            }
        };
    }

    private static void serve(Server server) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.strip();
            switch (command) {
                case "status" -> {
                    long available = server.router().states().values().stream()
                            .filter(PresenceState.AVAILABLE::equals).count();
                    long cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
                    reply("@status sessions=" + server.sessionsActive() + " available=" + available
                            + " waiting=" + server.router().waitingCalls().size()
                            + " threads=" + threads.getThreadCount() + " peakThreads=" + threads.getPeakThreadCount()
                            + " rejected=" + server.rejected() + " cpuMs=" + cpu + " rssKb=" + rssKb()
                            + " heapUsed=" + memory.getHeapMemoryUsage().getUsed());
                }
                case "resetpeak" -> {
                    threads.resetPeakThreadCount();
                    reply("@ok");
                }
                case "heap" -> {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(300);
                    }
                    reply("@heap used=" + memory.getHeapMemoryUsage().getUsed() + " committed="
                            + memory.getHeapMemoryUsage().getCommitted() + " rssKb=" + rssKb());
                }
                case "histo" -> {
                    String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                            new Object[] {new String[0]}, new String[] {String[].class.getName()});
                    StringBuilder out = new StringBuilder();
                    for (String row : histogram.split("\n")) {
                        out.append("@h ").append(row.strip()).append('\n');
                    }
                    out.append("@end");
                    reply(out.toString());
                }
                case "quit" -> {
                    server.close();
                    reply("@bye");
                    System.exit(0);
                }
                default -> reply("@error unknown command " + command);
            }
        }
        server.close();
        System.exit(0);
    }

    private static void reply(String text) {
        System.out.println(text);
        System.out.flush();
    }

    /** Resident set size from /proc (Linux), or -1. */
    private static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
