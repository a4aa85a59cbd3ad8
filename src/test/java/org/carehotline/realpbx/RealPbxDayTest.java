package org.carehotline.realpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.routing.PresenceState;
import org.carehotline.store.CollectionNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day on the real PBX, compressed: calls answered, a crisis, calls in progress when the server is killed
 * with SIGKILL, a call while it is down, the server back, the AMI link dropped in the middle of a call, an
 * Asterisk restart, more calls. At the end every inbound call in Asterisk's CDR is one contact with its
 * uniqueid (and no contact is without a CDR), and the board shows each counselor the way Asterisk shows
 * their phone. Opt-in like {@link RealPbxTest}; prints the day's figures.
 */
@EnabledIfEnvironmentVariable(named = AsteriskUnderTest.BINARY_ENV, matches = ".+")
class RealPbxDayTest {

    private static final long CALL_SECONDS = 60;

    @TempDir
    Path dir;
    private AsteriskUnderTest asterisk;
    private AmiProxy proxy;
    private Sipp sipp;
    private ServerChild child;
    private RealHotline hotline;
    private final List<Process> callers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (sipp != null) {
            sipp.close();
        }
        if (child != null) {
            child.close();
        }
        if (hotline != null) {
            hotline.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (asterisk != null) {
            asterisk.close();
        }
    }

    @Test
    void everyCallInTheCdrIsOneContactThroughAKillAnAmiDropAndAnAsteriskRestart() throws Exception {
        asterisk = AsteriskUnderTest.start(Files.createDirectories(dir.resolve("asterisk")), LoopbackPorts.tcp());
        proxy = new AmiProxy(asterisk.amiPort);
        sipp = new Sipp(asterisk);
        for (String ext : List.of("6001", "6002", "6003")) {
            sipp.phone(ext, "phone-answer", 40);
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        Map<String, String> keys = RealHotline.settings(asterisk, data);
        keys.put("ami.port", "" + proxy.port());
        // the server runs in its own JVM here, where the test cannot sign counselors in at the desk
        keys.put("routing.desk-sign-in-required", "false");
        // calls follow each other closely: a short wrap-up, so the next call finds a counselor free
        keys.put("routing.wrap-up-seconds", "3");

        // morning: the server in its own process
        child = ServerChild.start(RealHotline.arguments(keys), dir.resolve("server.log"));
        child.awaitLog("AMI connected to", Duration.ofSeconds(20));
        Thread.sleep(1500); // device states read after the login
        call("suite-caller-key1", true);
        call("suite-caller-key0", true);
        call("suite-caller-menu-hangup", true);

        // two calls in progress (one talking, one in the menu) when the server is killed
        call("suite-caller-key1", false);
        Thread.sleep(9000);
        call("suite-caller-key1", false);
        Thread.sleep(3000);
        child.kill();
        child = null;

        // while it is down: the dialplan's fallback group answers
        call("suite-caller-fallback", false);
        awaitCallers();

        // the server is back (in-process now, so the test can read its router)
        hotline = new RealHotline(asterisk, data, keys);
        call("suite-caller-key1", false);
        Thread.sleep(12000); // talking
        int connects = hotline.app().ami().status().connects();
        proxy.cut();
        RealHotline.await("AMI logged in again after the drop", Duration.ofSeconds(20),
                () -> hotline.app().ami().status().connects() > connects);
        awaitCallers();

        int beforeRestart = hotline.app().ami().status().connects();
        asterisk.restart();
        RealHotline.await("AMI logged in again after the Asterisk restart", Duration.ofSeconds(30), () ->
                hotline.app().ami().status().connects() > beforeRestart
                        && "CONNECTED".equals(hotline.app().ami().status().state()));
        sipp.close();
        for (String ext : List.of("6001", "6002", "6003")) {
            sipp.phone(ext, "phone-answer", 40);
        }
        Thread.sleep(1500);
        call("suite-caller-key1", true);
        call("suite-caller-key0", true);
        call("suite-caller-menu-hangup", true);

        Set<String> inCdr = RealHotline.await("every call's CDR", Duration.ofSeconds(15), () -> {
            Set<String> ids = inboundCdrUniqueIds();
            return ids.size() >= callersStarted ? ids : null;
        });
        Map<String, Document> contacts = RealHotline.await("every contact ended", Duration.ofSeconds(20), () -> {
            Map<String, Document> byUniqueId = inboundContacts();
            boolean allEnded = byUniqueId.values().stream().allMatch(d -> d.get("endedAt") != null);
            return byUniqueId.keySet().containsAll(inCdr) && allEnded ? byUniqueId : null;
        });
        Map<String, PresenceState> board = new TreeMap<>();
        Map<String, String> phones = endpointStates();
        PresenceState mismatch = null;
        for (CounselorStatus s : hotline.app().router().snapshot()) {
            if (!s.counselor().takesCalls()) {
                continue; // the administrator: no phone
            }
            String ext = s.counselor().endpoint().replace("PJSIP/", "");
            PresenceState shown = s.state(java.time.Instant.now());
            board.put(ext, shown);
            if (!agrees(shown, phones.getOrDefault(ext, "?")) || s.assignment() != CounselorStatus.Assignment.NONE) {
                mismatch = shown;
            }
        }
        Map<String, Long> dispositions = contacts.values().stream().collect(Collectors.groupingBy(
                d -> String.valueOf(d.get("disposition")), TreeMap::new, Collectors.counting()));
        System.out.printf("A day on the real PBX: %d callers, CDR inbound calls %d, contacts %d %s; AMI logins %d,"
                        + " proxy cuts %d; board %s; phones %s%n", callersStarted, inCdr.size(), contacts.size(),
                dispositions, hotline.app().ami().status().connects(), proxy.cuts(), board, phones);

        assertEquals(callersStarted, inCdr.size(), "one CDR call per SIPp caller");
        assertEquals(new TreeSet<>(inCdr), new TreeSet<>(contacts.keySet()),
                "the contacts' uniqueids are exactly the CDR's inbound calls");
        assertTrue(dispositions.getOrDefault("FALLBACK", 0L) >= 2,
                "the call in the menu at the kill and the call while down went to the fallback group: " + dispositions);
        assertEquals(null, mismatch, "board " + board + " against the phones " + phones);
    }

    // ---- helpers ----

    private int callersStarted;

    /** Starts a SIPp caller; {@code wait}: until its call ended. */
    private void call(String scenario, boolean wait) throws Exception {
        Process p = sipp.caller(scenario);
        callersStarted++;
        callers.add(p);
        if (wait) {
            assertTrue(Sipp.finished(p, CALL_SECONDS), scenario + " failed; see the SIPp logs under " + dir);
        }
    }

    private void awaitCallers() throws Exception {
        for (Process p : callers) {
            assertTrue(Sipp.finished(p, CALL_SECONDS), "a caller failed; see the SIPp logs under " + dir);
        }
        callers.clear();
    }

    private Set<String> inboundCdrUniqueIds() {
        try {
            return asterisk.cdrs().stream().filter(c -> c.channel().startsWith("PJSIP/hotline-trunk-"))
                    .map(Cdr::uniqueId).collect(Collectors.toCollection(TreeSet::new));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Inbound contacts by their channel's uniqueid (follow-up contacts have none). */
    private Map<String, Document> inboundContacts() {
        Map<String, Document> byUniqueId = new LinkedHashMap<>();
        for (Document d : hotline.app().store().database().getCollection(CollectionNames.CONTACTS).find()) {
            String id = d.getString("uniqueId");
            if (id != null && !id.isEmpty()) {
                assertTrue(byUniqueId.put(id, d) == null, "two contacts for call " + id);
            }
        }
        return byUniqueId;
    }

    /** Asterisk's own view of each phone: {@code pjsip show endpoints}' device state per extension. */
    private Map<String, String> endpointStates() throws Exception {
        Map<String, String> states = new TreeMap<>();
        Matcher m = Pattern.compile("Endpoint:\\s+(60\\d\\d)(?:/\\S+)?\\s+(Not in use|In use|Busy|Ringing|Unavailable|"
                + "Ring\\+Inuse|On Hold|Invalid|Unknown)").matcher(asterisk.cli("pjsip show endpoints"));
        while (m.find()) {
            states.put(m.group(1), m.group(2));
        }
        return states;
    }

    private static boolean agrees(PresenceState shown, String phone) {
        return switch (phone) {
            case "Not in use" -> shown == PresenceState.AVAILABLE || shown == PresenceState.WRAP_UP
                    || shown == PresenceState.PAUSED;
            case "In use", "Busy", "On Hold" -> shown == PresenceState.ON_CALL;
            case "Ringing", "Ring+Inuse" -> shown == PresenceState.RINGING || shown == PresenceState.ON_CALL;
            case "Unavailable" -> shown == PresenceState.OFFLINE;
            default -> false;
        };
    }
}
