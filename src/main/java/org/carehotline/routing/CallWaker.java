package org.carehotline.routing;

import java.util.function.BooleanSupplier;

/**
 * Wakes a waiting caller's AGI session when a counselor has been found for it, so the dial
 * starts at once instead of at the end of the session's current wait. Must not wait for
 * Asterisk: at most one short write on the calling thread, the rest elsewhere.
 */
public interface CallWaker {

    /**
     * @param channel        the caller's Asterisk channel, e.g. {@code PJSIP/hotline-trunk-0000002a}
     * @param offerUntaken   true while the session has not yet taken its offer: a wake-up that
     *                       reached the channel between two AGI commands is lost (Asterisk drops a
     *                       digit nobody reads), so the waker repeats it while this holds
     */
    void wake(String channel, BooleanSupplier offerUntaken);

    /**
     * True while a wake-up can reach a waiting session now (the AMI link is up). While false,
     * sessions must look for their offer often, as nobody can interrupt their wait.
     */
    default boolean canWake() {
        return true;
    }

    /** Wakes nobody: sessions find their offer at the end of each wait. */
    CallWaker NONE = new CallWaker() {
        @Override
        public void wake(String channel, BooleanSupplier offerUntaken) {
        }

        @Override
        public boolean canWake() {
            return false;
        }
    };
}
