package org.carehotline.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event stream of a busy Asterisk 22, call by call, for load tests and benchmarks. Each call is
 * the recorded transcript {@code call-answered.txt} (a trunk call into the hotline's dialplan,
 * answered by PJSIP/6001, hung up by the caller: 93 events, 60 of them VarSet and 8 Newexten,
 * 11 the server uses) with its own uniqueids, channels and counselor phone, plus what that recording
 * lacks because the call was short and the recorder loads neither RTP statistics nor cdr_manager:
 * an RTCPSent and an RTCPReceived every 5 s for each of the two legs while they talk, and one Cdr
 * per leg. With 60 s of talk a call is 143 events, 11 of them used by the server (8 %).
 */
public final class BusyAsteriskStream {

    /** The events the server acts on ({@code EventLossDetector.USED}, without the action lists). */
    public static final Set<String> USED = Set.of("DeviceStateChange", "DialBegin", "DialEnd", "BridgeEnter",
            "Hangup");
    private static final int RTCP_INTERVAL_S = 5;

    private final List<Map<String, String>> template;
    private final int talkSeconds;
    private final int phones;

    /**
     * @param talkSeconds how long each call talks (RTCP reports follow it)
     * @param phones      counselor phones the calls are spread over (PJSIP/6100, 6101, ...)
     */
    public BusyAsteriskStream(int talkSeconds, int phones) {
        this.talkSeconds = talkSeconds;
        this.phones = phones;
        List<Map<String, String>> events = new ArrayList<>();
        for (Map<String, String> m : Transcript.read("call-answered.txt").messages(true)) {
            // the call's own events: not responses, not action lists, not the login's FullyBooted
            if (m.containsKey("Event") && !m.containsKey("ActionID") && !"FullyBooted".equals(m.get("Event"))) {
                events.add(m);
            }
        }
        this.template = List.copyOf(events);
    }

    /** The counselor phone call {@code n} rings. */
    public String phone(long n) {
        return "PJSIP/" + (6100 + n % phones);
    }

    /** Call number {@code n}'s events in Asterisk's order. */
    public List<Map<String, String>> call(long n) {
        String phone = phone(n);
        List<Map<String, String>> out = new ArrayList<>(template.size() + 4 * talkSeconds / RTCP_INTERVAL_S + 2);
        boolean talking = false;
        for (Map<String, String> event : template) {
            String name = event.get("Event");
            if ("Hangup".equals(name) && talking) {
                talking = false;
                for (int s = 0; s < talkSeconds / RTCP_INTERVAL_S; s++) {
                    for (String leg : List.of("PJSIP/hotline-trunk-00000002", "PJSIP/6001-00000003")) {
                        out.add(rtcp("RTCPSent", leg, n, phone));
                        out.add(rtcp("RTCPReceived", leg, n, phone));
                    }
                }
                out.add(cdr(n, phone));
                out.add(cdr(n, phone));
            }
            if ("BridgeEnter".equals(name)) {
                talking = true;
            }
            out.add(rewrite(event, n, phone));
        }
        return out;
    }

    /** Events per call, and how many of them the server uses. */
    public int eventsPerCall() {
        return call(0).size();
    }

    public long usedPerCall() {
        return call(0).stream().filter(e -> USED.contains(e.get("Event"))).count();
    }

    private static Map<String, String> rewrite(Map<String, String> event, long n, String phone) {
        Map<String, String> copy = new LinkedHashMap<>();
        event.forEach((k, v) -> copy.put(k, v.replace("1796317513.", "1796" + n + ".")
                .replace("1796317525.", "1797" + n + ".").replace("-0000000", "-" + Long.toHexString(n) + "x")
                .replace("PJSIP/6001", phone)));
        return copy;
    }

    private static Map<String, String> rtcp(String name, String channel, long n, String phone) {
        Map<String, String> e = FakeAmiServer.message("Event", name, "Privilege", "reporting,all",
                "Channel", channel, "ChannelState", "6", "ChannelStateDesc", "Up", "Language", "zh",
                "Uniqueid", "1796317513.2", "Linkedid", "1796317513.2", "To", "127.0.0.1:10012",
                "From", "127.0.0.1:10014", "SSRC", "0x4a6f2b91", "PT", "200(SR)", "ReportCount", "1",
                "SentNTP", "1796317530.123456", "SentRTP", "96000", "SentPackets", "250", "SentOctets", "40000",
                "Report0SourceSSRC", "0x1c2d3e4f", "Report0FractionLost", "0", "Report0CumulativeLost", "0",
                "Report0HighestSequence", "2250", "Report0SequenceNumberCycles", "0", "Report0IAJitter", "12",
                "Report0LSR", "0", "Report0DLSR", "0.0000");
        return rewrite(e, n, phone);
    }

    private static Map<String, String> cdr(long n, String phone) {
        Map<String, String> e = FakeAmiServer.message("Event", "Cdr", "Privilege", "cdr,all", "AccountCode", "",
                "Source", "13800138000", "Destination", "4008001234", "DestinationContext", "hotline-inbound",
                "CallerID", "\"\" <13800138000>", "Channel", "PJSIP/hotline-trunk-00000002",
                "DestinationChannel", "PJSIP/6001-00000003", "LastApplication", "Dial", "LastData", "PJSIP/6001",
                "StartTime", "2026-12-03 17:05:13", "AnswerTime", "2026-12-03 17:05:25",
                "EndTime", "2026-12-03 17:06:25", "Duration", "72", "BillableSeconds", "60",
                "Disposition", "ANSWERED", "AMAFlags", "DOCUMENTATION", "UniqueID", "1796317513.2",
                "UserField", "");
        return rewrite(e, n, phone);
    }
}
