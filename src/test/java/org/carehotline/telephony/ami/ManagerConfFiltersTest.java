package org.carehotline.telephony.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carehotline.testing.AmiEventGate;
import org.junit.jupiter.api.Test;

/**
 * The deployed manager.confs against the server's own lists, not a copy of them: Asterisk must
 * write every event the server acts on ({@link EventLossDetector#USED}), and every event the
 * filters keep back must be one the socket would skip anyway ({@link UnusedEvents}), so that a
 * server that starts to use an event cannot be left without it by a stale filter line.
 */
class ManagerConfFiltersTest {

    private static final Path[] CONFS = {Path.of("dialplan", "manager_hotline.conf"),
            Path.of("docker", "asterisk", "manager.conf")};

    @Test
    void everyEventTheServerUsesIsWrittenAndOnlyUnusedOnesAreKeptBack() throws Exception {
        for (Path conf : CONFS) {
            var filters = AmiEventGate.eventfilters(conf, "hotline");
            assertFalse(filters.isEmpty(), conf + " has filters");
            AmiEventGate gate = AmiEventGate.forLogin(AmiLink.EVENT_MASK).withFilters(filters);
            for (String name : EventLossDetector.USED) {
                if (name.equals("UserEvent")) {
                    for (String user : EventLossDetector.USED_USER_EVENTS) {
                        assertTrue(gate.passes(event(name, "user,all", "UserEvent", user)), conf + ": " + user);
                    }
                } else {
                    assertTrue(gate.passes(event(name, "call,all")), conf + " writes " + name);
                }
            }
            int keptBack = 0;
            for (String name : UnusedEvents.NAMES) {
                assertFalse(EventLossDetector.USED.contains(name), name + " is both used and skipped");
                keptBack += gate.passes(event(name, "call,all")) ? 0 : 1;
            }
            assertTrue(keptBack >= 14, conf + " keeps back the busy stream's unused events: " + keptBack);
            for (String name : new String[] {"BridgeCreate", "BridgeLeave", "BridgeDestroy", "Newevent"}) {
                assertTrue(gate.passes(event(name, "call,all")), conf + " writes " + name
                        + " (asterisk-java tracks bridges; an event unknown to this list is not filtered)");
            }
        }
        assertEquals(0, UnusedEvents.NAMES.stream().filter(EventLossDetector.USED::contains).count());
    }

    private static Map<String, String> event(String name, String privilege, String... more) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("Event", name);
        e.put("Privilege", privilege);
        for (int i = 0; i < more.length; i += 2) {
            e.put(more[i], more[i + 1]);
        }
        return e;
    }
}
