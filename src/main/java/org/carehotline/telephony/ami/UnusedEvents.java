package org.carehotline.telephony.ami;

import java.util.Set;

/**
 * The AMI events no part of the server reads, by name, which {@link AmiSocket} skips before
 * asterisk-java builds them. Its reader builds every event by reflection, one setter per header,
 * on its single reader thread: that, not the socket, is what limits how many events a second the
 * link takes, and most of a busy Asterisk's stream is these. manager.conf's {@code eventfilter}
 * lines and the login's {@code Events} mask keep them from being sent at all; this list is for an
 * Asterisk configured without them (or too old for the advanced filters).
 *
 * <p>Not listed, although the server does not act on them: BridgeCreate, BridgeLeave and
 * BridgeDestroy, because asterisk-java tracks bridges from them and logs an error for every
 * BridgeEnter into a bridge it never saw created.
 */
final class UnusedEvents {

    /** Exact AMI names, as Asterisk 22 spells them. */
    static final Set<String> NAMES = Set.of("VarSet", "Newexten", "RTCPSent", "RTCPReceived", "Newstate",
            "NewConnectedLine", "NewCallerid", "NewAccountCode", "Newchannel", "DialState", "HangupRequest",
            "SoftHangupRequest", "Cdr", "CEL", "MusicOnHoldStart", "MusicOnHoldStop", "DTMFBegin", "DTMFEnd",
            "AGIExecStart", "AGIExecEnd", "ChannelTalkingStart", "ChannelTalkingStop", "LocalBridge",
            "LocalOptimizationBegin", "LocalOptimizationEnd", "ChanSpyStart", "ChanSpyStop");

    private UnusedEvents() {
    }

    static boolean skipped(String eventName) {
        return NAMES.contains(eventName);
    }
}
