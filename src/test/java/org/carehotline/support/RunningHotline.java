package org.carehotline.support;

import static org.carehotline.testing.FakeAmiServer.message;
import static org.carehotline.testing.FakeAmiServer.respondWithEvents;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.carehotline.HotlineApp;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.config.HotlineConfig;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.routing.PresenceState;
import org.carehotline.testing.FakeAgiCall;
import org.carehotline.testing.FakeAmiServer;

/**
 * The whole server as in production, on free loopback ports, with the demo counselors, a
 * fake Asterisk Manager reporting the given device states, and the embedded store in a
 * temporary folder (or a real MongoDB when HOTLINE_TEST_MONGO_URI is set).
 */
public final class RunningHotline implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, String> deviceStates;
    public final MutableClock clock;
    public final HotlineConfig config;
    public FakeAmiServer ami;
    public final HotlineApp app;
    /** The FastAGI port the server got (it binds port 0: no race for a "free" port). */
    public final int agiPort;

    private RunningHotline(Path dataDir, MutableClock clock, Map<String, String> deviceStates, List<String> extra)
            throws IOException {
        this.clock = clock;
        this.deviceStates = deviceStates;
        this.ami = startAmi(FakeAmiServer.start());
        List<String> args = new ArrayList<>(List.of("--http.host=127.0.0.1", "--http.port=0",
                "--agi.bind=127.0.0.1", "--agi.port=0", "--ami.host=127.0.0.1", "--ami.port=" + ami.port(),
                "--ami.user=hotline", "--ami.secret=secret", "--ami.reconnect-initial-ms=100",
                "--ami.reconnect-max-ms=400", "--data.dir=" + dataDir, "--demo=true", "--admin.password=admin-pw-1",
                // no dialect menu unless a test asks for it, to keep the dialogues short
                "--routing.dialect-menu=",
                // no follow-up scheduler unless a test asks for it: it would ring free counselors for call-backs
                "--followups.enabled=false",
                // no daily backup unless a test asks for it: a copy of the store per test is slow and unread
                "--backup.enabled=false"));
        String realMongo = System.getenv(TestStores.REAL_MONGO_ENV);
        if (realMongo != null) {
            args.add("--mongo.uri=" + realMongo);
            args.add("--mongo.database=hotline_test_" + UUID.randomUUID().toString().substring(0, 8));
        }
        args.addAll(extra);
        this.config = HotlineConfig.load(Map.of(), args);
        this.app = HotlineApp.start(config, clock);
        this.agiPort = app.agiPort();
        // the demo counselors are at their desks (a test of the desk itself signs them out first)
        for (var counselor : new CounselorRepository(app.store()).findAll()) {
            if (counselor.takesCalls()) {
                app.router().signIn(counselor.id());
            }
        }
        if (config.ami().port() == ami.port()) {
            awaitCondition("AMI logged in", () -> "CONNECTED".equals(app.ami().status().state()));
        }
        awaitCondition("device states applied", () -> availableCount() == expectedAvailable());
    }

    /**
     * @param deviceStates endpoint to AMI state (NOT_INUSE = free), reported on every login
     */
    public static RunningHotline start(Path dataDir, MutableClock clock, Map<String, String> deviceStates,
                                       String... extraArgs) throws IOException {
        return new RunningHotline(dataDir, clock, deviceStates, List.of(extraArgs));
    }

    /** Starts the fake Asterisk Manager answering DeviceStateList and CoreShowChannels like Asterisk. */
    public FakeAmiServer startAmi(FakeAmiServer server) {
        List<Map<String, String>> states = deviceStates.entrySet().stream()
                .map(e -> message("Device", e.getKey(), "State", e.getValue())).toList();
        server.onAction("DeviceStateList", respondWithEvents("DeviceStateChange", states, "DeviceStateListComplete"));
        server.onAction("CoreShowChannels", respondWithEvents("CoreShowChannel", List.of(), "CoreShowChannelsComplete"));
        return server;
    }

    private long expectedAvailable() {
        return deviceStates.values().stream().filter("NOT_INUSE"::equals).count();
    }

    public long availableCount() {
        return app.router().states().values().stream().filter(PresenceState.AVAILABLE::equals).count();
    }

    /** A worker calling the hotline from this number. */
    public FakeAgiCall call(String callerNumber) {
        return FakeAgiCall.to(agiPort).script("inbound").callerId(callerNumber).connect();
    }

    public String counselorId(String login) {
        return new CounselorRepository(app.store()).findByLogin(login).orElseThrow().id();
    }

    public CaseRepository cases() {
        return new CaseRepository(app.store(), ZoneId.of("Asia/Shanghai"));
    }

    public ContactRepository contacts() {
        return new ContactRepository(app.store());
    }

    /** The latest contact on the case of the caller with this number. */
    public Contact lastContact(String phone) {
        CareCase careCase = cases().recent(100).stream().filter(c -> c.phone().equals(Optional.of(phone)))
                .findFirst().orElseThrow(() -> new AssertionError("no case for " + phone));
        List<Contact> all = contacts().forCase(careCase.id());
        return all.get(all.size() - 1);
    }

    public FollowUpRepository followUps() {
        return new FollowUpRepository(app.store());
    }

    public int httpPort() {
        return app.httpPort();
    }

    public static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    @Override
    public void close() {
        app.close();
        ami.close();
    }
}
