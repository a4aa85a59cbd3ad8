package org.carehotline.followups;

/** What the dialer reports about legs that never reached a script. Implementations may block. */
public interface DialReports {

    /**
     * The counselor's leg failed.
     *
     * @param noAnswer true when their phone rang unanswered (a miss); false for busy or unreachable
     */
    void counselorLegFailed(CallbackOrder order, boolean noAnswer, String reason);

    /** The worker's phone did not answer the check-in call. */
    void checkinLegFailed(CheckinOrder order, Outcome outcome, String reason);
}
