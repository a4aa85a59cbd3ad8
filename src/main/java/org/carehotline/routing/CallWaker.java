package org.carehotline.routing;

import java.util.function.BooleanSupplier;

/**
 * Wakes a waiting caller's AGI session when a counselor has been found for it, so the dial
 * starts at once instead of at the end of the session's current wait. Must not block.
 */
public interface CallWaker {

    /**
     * @param channel        the caller's Asterisk channel, e.g. {@code PJSIP/hotline-trunk-0000002a}
     * @param offerUntaken   true while the session has not yet taken its offer: a wake-up that
     *                       reached the channel between two AGI commands is lost (Asterisk drops a
     *                       digit nobody reads), so the waker repeats it while this holds
     */
    void wake(String channel, BooleanSupplier offerUntaken);

    CallWaker NONE = (channel, offerUntaken) -> { };
}
