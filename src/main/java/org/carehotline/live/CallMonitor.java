package org.carehotline.live;

/**
 * Lets a supervisor listen to, whisper to or join a counselor's call from their own phone.
 * Implemented over AMI in {@code telephony}; the console only names the phones and the mode.
 */
public interface CallMonitor {

    /** Listen only; whisper to the counselor (the caller does not hear); barge in (both hear). */
    enum Mode { LISTEN, WHISPER, BARGE }

    /**
     * Rings the supervisor's phone; when they pick up they are connected to the counselor's call
     * in the given mode. Blocking (waits for Asterisk to accept the request).
     *
     * @param supervisorEndpoint the supervisor's phone, e.g. {@code PJSIP/6009}
     * @param counselorEndpoint  the counselor's phone, e.g. {@code PJSIP/6001}
     * @throws Exception when Asterisk is unreachable or refuses
     */
    void monitor(String supervisorEndpoint, String counselorEndpoint, Mode mode) throws Exception;
}
