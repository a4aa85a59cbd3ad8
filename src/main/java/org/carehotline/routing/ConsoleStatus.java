package org.carehotline.routing;

import java.util.Optional;

/**
 * What a counselor set on the console. A counselor takes calls only once they said so at the
 * desk (routing.desk-sign-in-required, default true): a registered phone alone does not mean
 * someone is there. What they set is kept in MongoDB ({@code DeskStateRepository}) and restored
 * when the server starts again.
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
