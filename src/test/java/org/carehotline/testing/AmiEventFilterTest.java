package org.carehotline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fake's eventfilters against Asterisk 22's manager.c: its own unit test table
 * ({@code parsing_filter_tests} in main/manager.c, 22.10.1), the processing order that
 * manager.conf.sample documents, POSIX regex over the whole event, and the repo's configs.
 */
class AmiEventFilterTest {

    private static final Map<String, String> NEWCHANNEL = event("Event", "Newchannel", "Channel", "XXX",
            "Someheader", "YYY");
    private static final Map<String, String> VARSET = event("Event", "VarSet", "Channel", "ABC", "Someheader", "XXX");

    private static Map<String, String> event(String... kv) {
        Map<String, String> e = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            e.put(kv[i], kv[i + 1]);
        }
        return e;
    }

    private static boolean sends(Map<String, String> event, String... lines) {
        return AmiEventGate.forLogin(null).withFilters(List.of(lines)).passes(event);
    }

    @Test
    void managerCsOwnTableOfValidFilters() {
        assertTrue(sends(NEWCHANNEL, "eventfilter = XXX"));
        assertFalse(sends(VARSET, "eventfilter = !XXX"));
        assertTrue(sends(VARSET, "eventfilter(name(VarSet),method(none)) = "));
        assertTrue(sends(NEWCHANNEL, "eventfilter(name(Newchannel),method(regex)) = X[XYZ]X"));
        assertFalse(sends(NEWCHANNEL, "eventfilter(name(Newchannel),method(regex)) = X[abc]X"));
        assertFalse(sends(NEWCHANNEL, "eventfilter(action(exclude),name(Newchannel),method(regex)) = X[XYZ]X"));
        assertTrue(sends(NEWCHANNEL, "eventfilter(action(exclude),name(Newchannel),method(regex)) = X[abc]X"));
        assertTrue(sends(VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(starts_with)) = AB"));
        assertTrue(sends(VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(ends_with)) = BC"));
        assertTrue(sends(VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(exact)) = ABC"));
        assertFalse(sends(VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(exact)) = XXX"));
        assertTrue(sends(VARSET, "eventfilter(name(VarSet),header(Channel),method(exact)) = !ZZZ"),
                "'!' excludes; ABC is not ZZZ");
        assertTrue(sends(VARSET, "eventfilter(action(exclude),name(VarSet),header(Channel),method(exact)) = ZZZ"));
        assertTrue(sends(VARSET, "eventfilter(action(include),name(VarSet),header(Someheader),method(exact)) = !XXX"),
                "action(include) wins over '!': an include of Someheader XXX");
    }

    @Test
    void managerCsOwnTableOfFiltersItRefuses() {
        for (String line : List.of("eventfilter(action(include) = ", "eventfilter(action(inlude) = ",
                "eventfilter(nnnn(yyy) = XXX", "eventfilter(eader(VarSet) = XXX", "eventfilter(ethod(contains) = XXX",
                "eventfilter = ", "eventfilter(name(VarSet)) = XXX", "eventfilter(name(VarSet),method(exact)) = ")) {
            assertThrows(IllegalArgumentException.class, () -> AmiEventFilter.parse(line), line);
        }
    }

    @Test
    void includesThenExcludesAsTheSampleDocuments() {
        String[] lines = {"eventfilter(action(include),name(Newchannel)) = ",
            "eventfilter(action(include),name(Hangup)) = ",
            "eventfilter(header(Channel),action(exclude),method(starts_with)) = Local/"};
        assertTrue(sends(event("Event", "Newchannel", "Channel", "PJSIP/6001-1"), lines));
        assertFalse(sends(event("Event", "Newchannel", "Channel", "Local/1@x-1;1"), lines), "included, then excluded");
        assertFalse(sends(event("Event", "VarSet", "Channel", "PJSIP/6001-1"), lines), "not included");
        assertFalse(sends(event("Event", "newchannel", "Channel", "PJSIP/6001-1"), lines),
                "name() compares a hash of the exact name");
    }

    @Test
    void aLegacyRegexSearchesTheWholeEventAcrossItsLinesAsPosixRegexecDoes() {
        String line = "eventfilter = !Event: (Newchannel|Hangup).*Channel: Local/";
        assertFalse(sends(event("Event", "Hangup", "Privilege", "call,all", "Channel", "Local/1@x-1;1"), line));
        assertTrue(sends(event("Event", "Hangup", "Privilege", "call,all", "Channel", "PJSIP/6001-1"), line));
        assertFalse(sends(event("Event", "Newexten", "Channel", "PJSIP/1"),
                "eventfilter = !^Event: (Newexten|VarSet)[[:space:]]"), "POSIX bracket class");
        assertTrue(sends(event("Event", "NewextenSomething", "Channel", "PJSIP/1"),
                "eventfilter = !^Event: (Newexten|VarSet)[[:space:]]"));
    }

    @Test
    void theRepositorysTwoManagerConfsKeepBackTheSameEventsAndNoneTheServerUses() throws Exception {
        AmiEventGate hotline = AmiEventGate.forLogin("call,user,system")
                .withFilters(AmiEventGate.eventfilters(Path.of("dialplan", "manager_hotline.conf"), "hotline"));
        AmiEventGate docker = AmiEventGate.forLogin("call,user,system")
                .withFilters(AmiEventGate.eventfilters(Path.of("docker", "asterisk", "manager.conf"), "hotline"));
        AmiEventGate unmasked = AmiEventGate.forLogin(null)
                .withFilters(AmiEventGate.eventfilters(Path.of("dialplan", "manager_hotline.conf"), "hotline"));
        List<Map<String, String>> call = new BusyAsteriskStream(60, 10).call(1);
        int passed = 0;
        for (Map<String, String> e : call) {
            String name = e.get("Event");
            assertEquals(hotline.passes(e), docker.passes(e), name);
            if (BusyAsteriskStream.USED.contains(name)) {
                assertTrue(hotline.passes(e), name + " is used by the server");
            }
            if (name.equals("VarSet") || name.startsWith("RTCP") || name.equals("Newexten")) {
                assertFalse(unmasked.passes(e), name + " kept back even for a login without a mask");
            }
            passed += hotline.passes(e) ? 1 : 0;
        }
        assertEquals(15, passed, "of " + call.size() + ": the 11 used, BridgeCreate, 2 BridgeLeave, BridgeDestroy");
    }
}
