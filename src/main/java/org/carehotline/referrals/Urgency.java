package org.carehotline.referrals;

/** How soon a referred worker needs the hotline, as the referrer judges it. */
public enum Urgency {
    /** Within the normal follow-up rhythm. */
    NORMAL,
    /** Soon: treated as high-risk (served first, escalated if unreachable). */
    HIGH,
    /** The worker is in crisis now: supervisors are alerted at once as well. */
    CRISIS;

    boolean highRisk() {
        return this != NORMAL;
    }
}
