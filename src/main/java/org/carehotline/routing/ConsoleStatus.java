package org.carehotline.routing;

import java.util.Optional;

/**
 * What a counselor set on the console. Until they sign out, a counselor whose phone is
 * registered counts as signed in, so the line works before anyone opens the console.
 *
 * @param pauseReason present while paused (e.g. "break", "training", or "missed calls" set by routing)
 */
public record ConsoleStatus(boolean signedIn, Optional<String> pauseReason) {

    /** The reason routing uses when it pauses a counselor who missed calls in a row. */
    public static final String MISSED_CALLS = "missed calls";

    public static final ConsoleStatus READY = new ConsoleStatus(true, Optional.empty());
    public static final ConsoleStatus SIGNED_OUT = new ConsoleStatus(false, Optional.empty());

    public static ConsoleStatus paused(String reason) {
        return new ConsoleStatus(true, Optional.of(reason));
    }
}
