package org.carehotline.routing;

/**
 * Wakes a waiting caller's AGI session when a counselor has been found for it, so the dial
 * starts at once instead of at the end of the session's current wait. Must not block.
 */
public interface CallWaker {

    /** @param channel the caller's Asterisk channel, e.g. {@code PJSIP/hotline-trunk-0000002a} */
    void wake(String channel);

    CallWaker NONE = channel -> { };
}
