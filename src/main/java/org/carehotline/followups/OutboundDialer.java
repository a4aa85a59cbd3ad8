package org.carehotline.followups;

/**
 * Places follow-up calls (implemented over AMI Originate in telephony). Both methods return
 * once Asterisk accepted the request; what happens next is reported to {@link DialReports}
 * (a leg that never connected) or by the dialplan's AGI scripts (a leg that did). Blocking
 * briefly: call from a virtual thread.
 */
public interface OutboundDialer {

    /** Rings the counselor; when they answer, [hotline-callback] dials the worker. */
    void callCounselorFirst(CallbackOrder order) throws DialException;

    /**
     * Rings the worker; when they answer, [hotline-checkin] runs the automated check-in, or
     * [hotline-survey] the satisfaction survey ({@link CheckinOrder#survey()}).
     */
    void checkIn(CheckinOrder order) throws DialException;

    /** The call could not be placed at all (the AMI link is down, Asterisk refused). */
    final class DialException extends Exception {
        public DialException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
