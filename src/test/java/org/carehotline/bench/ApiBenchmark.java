package org.carehotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carehotline.api.ApiTokens;
import org.carehotline.api.Scope;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;

/**
 * The integration API's latency over HTTP against the whole server on the embedded store: N
 * referrals, then N reads of each route, one client at a time, then the board read by C clients
 * at once (requests per second). The rate limit is raised out of the way. Args: {@code [N] [C]}.
 */
public final class ApiBenchmark {

    private static final Pattern NUMBER = Pattern.compile("\"caseNumber\":\"([^\"]+)\"");

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("api-bench");
        MutableClock clock = new MutableClock(Clock.systemUTC().instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plusSeconds(2 * 3600)); // 10:00 in Shanghai: the calling window is open
        try (RunningHotline hotline = RunningHotline.start(dir, clock, Map.of(), "--api.rate-per-minute=600000",
                "--api.burst=100000")) {
            String token = new ApiTokens(hotline.app.store(), clock).create("bench", Set.of(Scope.values()), "bench")
                    .secret();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + hotline.httpPort() + "/api/v1";
            LatencyRecorder refer = new LatencyRecorder("POST /referrals", n);
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String body = "{\"referrer\":\"bench\",\"workerPhone\":\"139" + String.format("%08d", i)
                        + "\",\"situation\":\"压测\"}";
                HttpResponse<String> r = timed(refer, http, HttpRequest.newBuilder(URI.create(base + "/referrals"))
                        .header("authorization", "Bearer " + token).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
                Matcher m = NUMBER.matcher(r.body());
                numbers.add(m.find() ? m.group(1) : "");
            }
            LatencyRecorder cases = new LatencyRecorder("GET /cases/{number}", n);
            LatencyRecorder board = new LatencyRecorder("GET /board", n);
            LatencyRecorder due = new LatencyRecorder("GET /followups/due (" + n + " due)", Math.min(n, 100));
            for (int i = 0; i < n; i++) {
                timed(cases, http, get(base + "/cases/" + numbers.get(i), token), 200);
                timed(board, http, get(base + "/board", token), 200);
            }
            for (int i = 0; i < Math.min(n, 100); i++) {
                timed(due, http, get(base + "/followups/due", token), 200);
            }
            LatencyRecorder concurrent = new LatencyRecorder("GET /board, " + clients + " clients", n * clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        timed(concurrent, http, get(base + "/board", token), 200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.println(LatencyRecorder.Summary.header());
            for (LatencyRecorder r : List.of(refer, cases, board, due, concurrent)) {
                System.out.println(r.summary().row());
            }
            System.out.printf(Locale.ROOT, "  board with %d clients: %.0f requests/s%n", clients, n * clients / seconds);
        }
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("authorization", "Bearer " + token).build();
    }

    private static HttpResponse<String> timed(LatencyRecorder recorder, HttpClient http, HttpRequest request,
                                              int expected) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        recorder.record(System.nanoTime() - t0);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
