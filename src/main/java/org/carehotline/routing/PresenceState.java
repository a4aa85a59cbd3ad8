package org.carehotline.routing;

/** One truth per counselor, derived from their phone, the console and the calls routing gave them. */
public enum PresenceState {
    /** Signed out on the console, or the phone is not registered. */
    OFFLINE,
    /** Can be offered a call now. */
    AVAILABLE,
    /** Offered a call: the phone is ringing. */
    RINGING,
    /** Talking (a call from us, or the phone is busy otherwise). */
    ON_CALL,
    /** A few seconds after a call to finish notes, before the next one. */
    WRAP_UP,
    /** Paused on the console or by routing (missed calls), with a reason. */
    PAUSED
}
