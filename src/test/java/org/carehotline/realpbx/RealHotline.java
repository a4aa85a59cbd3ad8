package org.carehotline.realpbx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.carehotline.HotlineApp;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Contact;
import org.carehotline.cases.ContactRepository;
import org.carehotline.config.HotlineConfig;
import org.carehotline.counselors.CounselorRepository;

/**
 * The Care Hotline server, in-process as in production, connected to {@link AsteriskUnderTest}: FastAGI on
 * the port the Asterisk config points at, AMI logged in as {@code hotline}, the demo counselors on phones
 * PJSIP/6001-6004, the embedded store in {@code dataDir} (kept across {@link #restart}).
 */
final class RealHotline implements AutoCloseable {

    private final AsteriskUnderTest asterisk;
    private final Path dataDir;
    private final Map<String, String> overrides;
    private HotlineApp app;

    RealHotline(AsteriskUnderTest asterisk, Path dataDir) {
        this(asterisk, dataDir, Map.of());
    }

    /** @param overrides configuration keys (without {@code --}) set on top of the suite's own */
    RealHotline(AsteriskUnderTest asterisk, Path dataDir, Map<String, String> overrides) {
        this.asterisk = asterisk;
        this.dataDir = dataDir;
        this.overrides = overrides;
        start();
    }

    /** The suite's configuration: loopback ports of {@code asterisk}, the demo counselors, no dialect menu. */
    static Map<String, String> settings(AsteriskUnderTest asterisk, Path dataDir) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("http.host", "127.0.0.1");
        keys.put("http.port", "0");
        keys.put("agi.bind", "127.0.0.1");
        keys.put("agi.port", "" + asterisk.agiPort);
        keys.put("ami.host", "127.0.0.1");
        keys.put("ami.port", "" + asterisk.amiPort);
        keys.put("ami.user", AsteriskUnderTest.AMI_USER);
        keys.put("ami.secret", AsteriskUnderTest.AMI_SECRET);
        keys.put("ami.reconnect-initial-ms", "200");
        keys.put("ami.reconnect-max-ms", "1000");
        keys.put("data.dir", dataDir.toString());
        keys.put("demo", "true");
        keys.put("admin.password", "admin-pw-1");
        keys.put("routing.dialect-menu", "");
        keys.put("followups.enabled", "false");
        keys.put("backup.enabled", "false");
        return keys;
    }

    /** {@code --key=value} arguments for these settings. */
    static List<String> arguments(Map<String, String> keys) {
        return keys.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    void start() {
        Map<String, String> keys = settings(asterisk, dataDir);
        keys.putAll(overrides);
        HotlineConfig config = HotlineConfig.load(Map.of(), arguments(keys));
        app = HotlineApp.start(config, Clock.systemUTC());
        // the demo counselors are at their desks (what they set is restored after a restart too)
        new org.carehotline.counselors.CounselorRepository(app.store()).findAll().stream()
                .filter(org.carehotline.counselors.Counselor::takesCalls).forEach(c -> app.router().signIn(c.id()));
        await("AMI logged in", Duration.ofSeconds(20), () -> "CONNECTED".equals(app.ami().status().state()));
    }

    /** Stops the server (FastAGI refused from now on) without touching Asterisk. */
    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    HotlineApp app() {
        return app;
    }

    String counselorId(String login) {
        return new CounselorRepository(app.store()).findByLogin(login).orElseThrow().id();
    }

    /** The contact whose caller channel had this uniqueid, if the server recorded one. */
    Optional<Contact> contactByUniqueId(String uniqueId) {
        CaseRepository cases = new CaseRepository(app.store(), ZoneId.of("Asia/Shanghai"));
        ContactRepository contacts = new ContactRepository(app.store());
        return cases.recent(500).stream().flatMap(c -> contacts.forCase(c.id()).stream())
                .filter(c -> uniqueId.equals(c.uniqueId())).findFirst();
    }

    /** Polls until {@code probe} gives something other than null or false. */
    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
