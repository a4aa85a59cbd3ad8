package org.carehotline.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.carehotline.cases.Category;
import org.carehotline.config.HotlineConfig.AmiConfig;
import org.carehotline.console.EventBusLiveFeed;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.Role;
import org.carehotline.routing.CallWaker;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.routing.Router;
import org.carehotline.routing.RoutingRules;
import org.carehotline.telephony.ami.AmiLink;
import org.carehotline.testing.AmiEventGate;
import org.carehotline.testing.BusyAsteriskStream;
import org.carehotline.testing.FakeAmiServer;

/**
 * One rate of the AMI ingestion benchmark: a fake Asterisk 22 on a real socket plays
 * {@link BusyAsteriskStream}'s calls at {@code rate} events a second (counted before Asterisk's
 * filters: what Asterisk produces) to the server's {@link AmiLink}, whose phone states reach a real
 * {@link Router} and, through the live feed on the Vert.x event bus, the board.
 */
final class AmiIngestRun {

    /** One rate's figures. */
    record Result(String variant, int rate, long generated, long written, double seconds, long usedSent,
                  long usedReceived, long lost, long reordered, long linkLost, long linkReordered, long skipped,
                  long readerWaits, int logins, LatencyRecorder.Summary routerLag, LatencyRecorder.Summary boardLag,
                  double processCpu, double readerCpu) {

        boolean sustained() {
            return lost == 0 && reordered == 0 && linkLost == 0 && logins == 1 && routerLag.count() > 0
                    && routerLag.p99Ms() < 1000 && generated / seconds >= 0.95 * rate;
        }
    }

    private static final int POOL = 400;
    private static final long PROBE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final boolean filtered;
    private final int rate;
    private final int seconds;
    private final BusyAsteriskStream stream;
    private final int phones;

    AmiIngestRun(boolean filtered, int rate, int seconds, int talkSeconds, int phones) {
        this.filtered = filtered;
        this.rate = rate;
        this.seconds = seconds;
        this.phones = phones;
        this.stream = new BusyAsteriskStream(talkSeconds, phones);
    }

    Result run() throws Exception {
        Vertx vertx = Vertx.vertx();
        IngestProbes probes = new IngestProbes(seconds * 200 + 1000);
        Router router = new Router(Clock.systemUTC(), RoutingRules.defaults(), CallWaker.NONE,
                new EventBusLiveFeed(vertx.eventBus()));
        router.setCounselors(roster());
        Counselor probe = router.snapshot().stream().map(CounselorStatus::counselor)
                .filter(c -> c.endpoint().equals(IngestProbes.PHONE)).findFirst().orElseThrow();
        // the board's stream: on every "board changed", read what the board reads
        vertx.eventBus().consumer("hotline.live.board", message -> router.snapshot().stream()
                .filter(s -> s.counselor().id().equals(probe.id())).findFirst()
                .ifPresent(s -> probes.boardShows(s.device().name())));
        IngestEvents events = new IngestEvents(router, probes);
        FakeAmiServer asterisk = FakeAmiServer.start().withCredentials("hotline", "secret");
        if (filtered) {
            asterisk.withEventFilters(AmiEventGate.eventfilters(Path.of("dialplan", "manager_hotline.conf"), "hotline"));
        } else {
            asterisk.ignoringEventMasks();
        }
        List<Map<String, String>> noStates = List.of();
        asterisk.onAction("DeviceStateList", FakeAmiServer.respondWithEvents("DeviceStateChange", noStates,
                "DeviceStateListComplete"));
        asterisk.onAction("CoreShowChannels", FakeAmiServer.respondWithEvents("CoreShowChannel", noStates,
                "CoreShowChannelsComplete"));
        AmiLink link = new AmiLink(new AmiConfig("127.0.0.1", asterisk.port(), "hotline", "secret", 100, 1000),
                events, Clock.systemUTC());
        try {
            link.start();
            if (!asterisk.awaitLoginCount(1, java.time.Duration.ofSeconds(10))) {
                throw new IllegalStateException("the link did not log in");
            }
            while (!link.connected()) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // the login's re-read done
            return play(asterisk, link, events, probes);
        } finally {
            link.close();
            asterisk.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private Result play(FakeAmiServer asterisk, AmiLink link, IngestEvents events, IngestProbes probes)
            throws InterruptedException {
        // rendered once, as Asterisk would write them to this session: the fake's cost stays out
        List<String> texts = new ArrayList<>();
        long[] generatedPer = new long[POOL];
        long[] writtenPer = new long[POOL];
        long[] usedPer = new long[POOL];
        for (int i = 0; i < POOL; i++) {
            List<Map<String, String>> call = stream.call(i);
            String text = asterisk.render(call);
            texts.add(text);
            generatedPer[i] = call.size();
            writtenPer[i] = text.split("\r\n\r\n", -1).length - 1;
            usedPer[i] = text.lines().filter(l -> l.startsWith("Event: ")
                    && BusyAsteriskStream.USED.contains(l.substring(7))).count();
        }
        long usedBefore = events.used.get();
        long linkLostBefore = link.eventsLost();
        long skippedBefore = link.eventsSkipped();
        long waitsBefore = link.readerWaits();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long readerBefore = readerCpuNanos();
        long generated = 0;
        long written = 0;
        long usedSent = 0;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long nextProbe = start;
        for (int call = 0; ; call++) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = start + (long) (generated * 1e9 / rate);
            if (due > now) {
                LockSupport.parkNanos(due - now);
            }
            if (System.nanoTime() >= nextProbe) {
                String probe = asterisk.render(List.of(FakeAmiServer.message("Event", "DeviceStateChange",
                        "Privilege", "call,all", "Device", IngestProbes.PHONE, "State", probes.nextState())));
                probes.sending();
                asterisk.sendRendered(probe);
                nextProbe += PROBE_EVERY_NANOS;
                generated++;
                written++;
                usedSent++;
            }
            int i = call % POOL;
            asterisk.sendRendered(texts.get(i));
            generated += generatedPer[i];
            written += writtenPer[i];
            usedSent += usedPer[i];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.used.get() - usedBefore < usedSent && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        Thread.sleep(50); // the board's last read
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double readerSeconds = (readerCpuNanos() - readerBefore) / 1e9;
        long usedReceived = events.used.get() - usedBefore;
        return new Result(filtered ? "filtered" : "unfiltered", rate, generated, written, elapsed, usedSent,
                usedReceived, Math.max(0, usedSent - usedReceived), probes.outOfOrder.get(),
                link.eventsLost() - linkLostBefore, link.eventsReordered(), link.eventsSkipped() - skippedBefore,
                link.readerWaits() - waitsBefore, asterisk.loginCount(), probes.routerLag().summary(),
                probes.boardLag().summary(), cpuSeconds / elapsed, readerSeconds / elapsed);
    }

    /** CPU of asterisk-java's reader and event pump threads (its only two per connection). */
    private static long readerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("Asterisk-Java ManagerConnection")) {
                long cpu = threads.getThreadCpuTime(t.threadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    private List<Counselor> roster() {
        List<Counselor> roster = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            roster.add(counselor("c" + i, stream.phone(i)));
        }
        roster.add(counselor("probe", IngestProbes.PHONE));
        return roster;
    }

    private static Counselor counselor(String id, String endpoint) {
        return new Counselor(id, id, "Counselor " + id, Set.of(Role.COUNSELOR), endpoint,
                Map.of(Category.PSYCHOLOGICAL_SUPPORT, 3), List.of("mandarin"), true);
    }
}
