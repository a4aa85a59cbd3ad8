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
    /** Told the uniqueid of a fallback call now fully recorded: its AstDB entry can go. */
    private final java.util.function.Consumer<String> recorded;

    AmiEventTranslator(CallEvents events, Clock clock, java.util.function.Consumer<String> recorded) {
        this.events = events;
        this.clock = clock;
        this.recorded = recorded;
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
            case HotlineFallbackEvent e -> events.fallbackStarted(FallbackRecords.parse(e.getUniqueId(),
                    e.getRecord()));
            case HotlineFallbackEndEvent e -> {
                if (events.fallbackEnded(FallbackRecords.parse(e.getUniqueId(), e.getRecord()))) {
                    recorded.accept(e.getUniqueId());
                }
            }
            default -> {
                // other events are not needed yet
            }
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
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
