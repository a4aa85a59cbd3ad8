package org.carehotline.testing;

import java.time.Instant;
import java.util.Locale;

/**
 * The AMI events Asterisk 22 sends for calls the hotline does not place, in their order and
 * with their fields (chan_pjsip, app_dial, the bridging core, manager.conf with
 * {@code timestampevents=yes}): every manager session that reads class {@code call} gets them,
 * whether the call is the hotline's or not, so the server must expect them all.
 */
public final class Asterisk22Calls {

    private final FakeAmiServer ami;
    private int sequence = 0x100;

    public Asterisk22Calls(FakeAmiServer ami) {
        this.ami = ami;
    }

    private String channelOf(String endpoint) {
        return String.format(Locale.ROOT, "%s-%08x", endpoint, sequence++);
    }

    private static String ts(Instant at) {
        return String.format(Locale.ROOT, "%d.%06d", at.getEpochSecond(), at.getNano() / 1000);
    }

    /**
     * One desk phone calls another through {@code [hotline-counselors]} ({@code Dial(PJSIP/6002,30)}),
     * the callee answers, they talk, the caller hangs up: Newchannel, DialBegin, the phones' device
     * states, DialEnd ANSWER, BridgeEnter for both, BridgeLeave, Hangup with cause 16 for both.
     *
     * @param from     the calling phone's endpoint, e.g. {@code PJSIP/6001}
     * @param to       the called phone's endpoint
     * @param uniqueId the caller channel's uniqueid (also the call's linkedid)
     */
    public void internalCallAnsweredAndEnded(String from, String to, String uniqueId, Instant start, Instant end) {
        String caller = channelOf(from);
        String callee = channelOf(to);
        String calleeId = uniqueId + "1";
        ami.sendEvent("Newchannel", "Channel", caller, "ChannelState", "4", "ChannelStateDesc", "Ring",
                "Context", "hotline-counselors", "Exten", to.substring(to.indexOf('/') + 1), "Uniqueid", uniqueId,
                "Linkedid", uniqueId, "Timestamp", ts(start));
        ami.sendEvent("DeviceStateChange", "Device", from, "State", "INUSE");
        ami.sendEvent("Newchannel", "Channel", callee, "ChannelState", "0", "ChannelStateDesc", "Down",
                "Context", "hotline-counselors", "Uniqueid", calleeId, "Linkedid", uniqueId, "Timestamp", ts(start));
        ami.sendEvent("DialBegin", "Channel", caller, "Uniqueid", uniqueId, "Linkedid", uniqueId,
                "DestChannel", callee, "DestUniqueid", calleeId, "DestLinkedid", uniqueId, "DialString",
                to.substring(to.indexOf('/') + 1), "Timestamp", ts(start));
        ami.sendEvent("DeviceStateChange", "Device", to, "State", "RINGING");
        ami.sendEvent("DialEnd", "Channel", caller, "Uniqueid", uniqueId, "Linkedid", uniqueId,
                "DestChannel", callee, "DestUniqueid", calleeId, "DialStatus", "ANSWER",
                "Timestamp", ts(start.plusSeconds(3)));
        ami.sendEvent("DeviceStateChange", "Device", to, "State", "INUSE");
        String bridge = "bridge-" + uniqueId;
        ami.sendEvent("BridgeEnter", "BridgeUniqueid", bridge, "BridgeType", "basic", "Channel", callee,
                "Uniqueid", calleeId, "Linkedid", uniqueId, "Timestamp", ts(start.plusSeconds(3)));
        ami.sendEvent("BridgeEnter", "BridgeUniqueid", bridge, "BridgeType", "basic", "Channel", caller,
                "Uniqueid", uniqueId, "Linkedid", uniqueId, "Timestamp", ts(start.plusSeconds(3)));
        ami.sendEvent("BridgeLeave", "BridgeUniqueid", bridge, "Channel", caller, "Uniqueid", uniqueId,
                "Linkedid", uniqueId, "Timestamp", ts(end));
        ami.sendEvent("Hangup", "Channel", caller, "Uniqueid", uniqueId, "Linkedid", uniqueId, "Cause", "16",
                "Cause-txt", "Normal Clearing", "Timestamp", ts(end));
        ami.sendEvent("BridgeLeave", "BridgeUniqueid", bridge, "Channel", callee, "Uniqueid", calleeId,
                "Linkedid", uniqueId, "Timestamp", ts(end));
        ami.sendEvent("Hangup", "Channel", callee, "Uniqueid", calleeId, "Linkedid", uniqueId, "Cause", "16",
                "Cause-txt", "Normal Clearing", "Timestamp", ts(end));
        ami.sendEvent("DeviceStateChange", "Device", from, "State", "NOT_INUSE");
        ami.sendEvent("DeviceStateChange", "Device", to, "State", "NOT_INUSE");
    }
}
