package org.carehotline.telephony.ami;

import java.time.Clock;
import java.time.Instant;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/** Turns AMI events into {@link CallEvents} calls; events we don't use are ignored. */
final class AmiEventTranslator {

    private final CallEvents events;
    private final Clock clock;

    AmiEventTranslator(CallEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void translate(ManagerEvent event) {
        switch (event) {
            case DeviceStateChangeEvent e -> events.deviceState(e.getDevice(), e.getState());
            case DialBeginEvent e -> events.dialBegan(e.getUniqueId(), e.getDestChannel(), timeOf(e));
            case BridgeEnterEvent e -> events.bridgeEntered(e.getBridgeUniqueId(), e.getUniqueId(), e.getChannel(),
                    timeOf(e));
            case DialEndEvent e -> events.dialEnded(e.getUniqueId(), e.getDestChannel(),
                    blankToEmpty(e.getDialStatus()).toUpperCase(java.util.Locale.ROOT), timeOf(e));
            case HangupEvent e -> events.hangup(e.getUniqueId(), timeOf(e));
            case HotlineFallbackEvent e -> events.fallbackStarted(e.getUniqueId(), e.getChannel(), e.getCallerIdNum(),
                    blankToEmpty(e.getContactId()), blankToEmpty(e.getAgiStatus()), timeOf(e));
            case HotlineFallbackEndEvent e -> events.fallbackEnded(e.getUniqueId(), blankToEmpty(e.getDialStatus()),
                    seconds(e.getAnsweredTime()), timeOf(e));
            default -> {
                // other events are not needed yet
            }
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static long seconds(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Asterisk's own timestamp (manager.conf timestampevents=yes) when present, else when we received it. */
    private Instant timeOf(ManagerEvent event) {
        Double timestamp = event.getTimestamp();
        if (timestamp != null) {
            return Instant.ofEpochMilli(Math.round(timestamp * 1000));
        }
        return event.getDateReceived() != null ? event.getDateReceived().toInstant() : clock.instant();
    }
}
