package org.carehotline.routing;

import java.util.Locale;

/** A phone's state as Asterisk reports it (AMI DeviceStateChange: NOT_INUSE, INUSE, RINGING, UNAVAILABLE, …). */
public enum DeviceState {
    NOT_INUSE, INUSE, BUSY, RINGING, RINGINUSE, ONHOLD, UNAVAILABLE, INVALID, UNKNOWN;

    /** Parses Asterisk's name; anything unrecognized is UNKNOWN. */
    public static DeviceState parse(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The phone is registered and can ring (whether or not it is busy). */
    public boolean signedIn() {
        return this != UNAVAILABLE && this != INVALID && this != UNKNOWN;
    }
}
