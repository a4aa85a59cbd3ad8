package org.carehotline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which events Asterisk 22's manager.c writes to one session: those whose class is in the session's
 * {@code Events:} mask (login header; {@code strings_to_mask}: empty keeps all, {@code on}/{@code yes}
 * all, {@code off}/{@code no} none, else a list of class names) and that pass the user's
 * {@code eventfilter} lines of manager.conf ({@link AmiEventFilter}: legacy regex and advanced forms).
 * No filters: all; includes only: those matching one; excludes only: all but those; both: included
 * and not excluded.
 *
 * <p>An event's class is its {@code Privilege} header's first class when present, else Asterisk 22's
 * class for the name (table below, from the recorded transcripts); an unknown name without one passes
 * the mask.
 */
public final class AmiEventGate {

    /** Asterisk 22's class of the events the fakes and benchmarks send (transcripts' Privilege lines). */
    private static final Map<String, String> CLASS_OF = Map.ofEntries(
            Map.entry("varset", "dialplan"), Map.entry("newexten", "dialplan"),
            Map.entry("rtcpsent", "reporting"), Map.entry("rtcpreceived", "reporting"),
            Map.entry("peerstatus", "system"), Map.entry("contactstatus", "system"),
            Map.entry("fullybooted", "system"), Map.entry("reload", "system"), Map.entry("userevent", "user"),
            Map.entry("agentcalled", "agent"), Map.entry("agentconnect", "agent"));
    private static final Set<String> CALL_EVENTS = Set.of("newchannel", "newstate", "newcallerid",
            "newconnectedline", "hangup", "hanguprequest", "softhanguprequest", "dialbegin", "dialstate",
            "dialend", "bridgecreate", "bridgeenter", "bridgeleave", "bridgedestroy", "devicestatechange",
            "originateresponse", "musiconholdstart", "musiconholdstop", "hold", "unhold", "dtmfbegin",
            "dtmfend", "localbridge", "newaccountcode");
    private static final Set<String> ALL = Set.of("system", "call", "log", "verbose", "command", "agent", "user",
            "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test",
            "security", "message");

    private final Set<String> mask;
    private final List<AmiEventFilter> filters;

    private AmiEventGate(Set<String> mask, List<AmiEventFilter> filters) {
        this.mask = mask;
        this.filters = filters;
    }

    /** Everything passes (a session that asked for no mask, no filters). */
    public static final AmiEventGate OPEN = new AmiEventGate(ALL, List.of());

    /** The gate for a login's {@code Events} header (null: none sent) and no eventfilters. */
    public static AmiEventGate forLogin(String eventsHeader) {
        return new AmiEventGate(mask(eventsHeader), List.of());
    }

    /** The same mask with the {@code eventfilter} lines of a manager.conf user section. */
    public AmiEventGate withFilters(List<String> eventfilterLines) {
        List<AmiEventFilter> parsed = new ArrayList<>(filters);
        for (String line : eventfilterLines) {
            parsed.add(AmiEventFilter.parse(line));
        }
        return new AmiEventGate(mask, List.copyOf(parsed));
    }

    /** The {@code eventfilter} lines of manager.conf's {@code [section]}, comments stripped. */
    public static List<String> eventfilters(Path managerConf, String section) throws IOException {
        List<String> lines = new ArrayList<>();
        String current = "";
        for (String raw : Files.readAllLines(managerConf)) {
            String line = raw.replaceAll("\\s;.*$", "").strip();
            if (line.startsWith("[") && line.contains("]")) {
                current = line.substring(1, line.indexOf(']'));
            } else if (current.equals(section) && line.startsWith("eventfilter")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** True when Asterisk would write this event (as {@code Key: value} lines) to the session. */
    public boolean passes(Map<String, String> event) {
        String name = "";
        String privilege = null;
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : event.entrySet()) {
            if (e.getKey().equalsIgnoreCase("Event")) {
                name = e.getValue();
            } else if (e.getKey().equalsIgnoreCase("Privilege")) {
                privilege = e.getValue();
            }
            text.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        String eventClass = classOf(name, privilege);
        if (eventClass != null && !mask.contains(eventClass)) {
            return false;
        }
        return passesFilters(name, text.toString());
    }

    private boolean passesFilters(String name, String text) {
        if (filters.isEmpty()) {
            return true;
        }
        // manager.c's should_send_event: includes only, any must match; excludes only, none may;
        // both, an included event is then checked against the excludes
        boolean anyInclude = filters.stream().anyMatch(f -> !f.exclude);
        boolean included = !anyInclude || filters.stream().anyMatch(f -> !f.exclude && f.matches(name, text));
        boolean excluded = filters.stream().anyMatch(f -> f.exclude && f.matches(name, text));
        return included && !excluded;
    }

    private static String classOf(String name, String privilege) {
        if (privilege != null && !privilege.isBlank()) {
            return privilege.split(",")[0].strip().toLowerCase(Locale.ROOT);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (CALL_EVENTS.contains(lower)) {
            return "call";
        }
        return CLASS_OF.get(lower);
    }

    private static Set<String> mask(String header) {
        if (header == null || header.isBlank()) {
            return ALL; // strings_to_mask: -1, the session keeps its read classes
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (Set.of("yes", "true", "y", "t", "1", "on").contains(h)) {
            return ALL;
        }
        if (Set.of("no", "false", "n", "f", "0", "off").contains(h)) {
            return Set.of();
        }
        Set<String> classes = new java.util.HashSet<>();
        for (String part : h.split(",")) {
            if (ALL.contains(part.strip())) {
                classes.add(part.strip());
            }
        }
        return Set.copyOf(classes);
    }
}
