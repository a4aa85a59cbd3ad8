package org.carehotline.routing;

/**
 * Hears every change of a counselor's presence state, in order. Called by the {@link Router}
 * inside its lock, on whatever thread changed the state (an AGI session, the AMI thread, a
 * console handler): an implementation must only hand the change on, e.g. to a queue, and
 * return at once; it never blocks, never does I/O and never calls back into the router.
 */
@FunctionalInterface
public interface PresenceListener {

    void presenceChanged(PresenceChange change);

    /** Hears nothing: for tests and tools that keep no presence log. */
    PresenceListener NONE = change -> { };
}
