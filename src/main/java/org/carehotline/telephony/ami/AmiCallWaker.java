package org.carehotline.telephony.ami;

import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.carehotline.routing.CallWaker;
import org.carehotline.telephony.agi.DialplanNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes a waiting caller's AGI session through AMI: {@code PlayDTMF} with {@code Receive: yes}
 * (Asterisk 16+) makes the caller's channel receive the wake digit, which ends the session's
 * current {@code WAIT FOR DIGIT} at once. The first wake-up is written at once on the thread
 * that found the counselor, without waiting for Asterisk's response: no thread hand-off between
 * the decision and the action (on a busy machine each hand-off is a wait for a free core). A
 * digit that arrives while the session is between two commands is dropped by Asterisk, so the
 * wake-up is repeated every {@link #REPEAT_AFTER_MS} ms on a virtual thread until the session
 * has taken its offer, a few times at most. If the link is down the session still notices
 * within one (short) wait slice.
 */
public final class AmiCallWaker implements CallWaker {

    private static final Logger log = LoggerFactory.getLogger(AmiCallWaker.class);
    /** Longer than an AGI command round trip, short against a caller's patience. */
    static final long REPEAT_AFTER_MS = 200;
    private static final int MAX_SENDS = 5;

    private final ExecutorService virtualThreads;
    private volatile AmiLink link;

    public AmiCallWaker(ExecutorService virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    /** The link is built after the router (it reports to it), so it is attached afterwards. */
    public void attach(AmiLink link) {
        this.link = link;
    }

    @Override
    public void wake(String channel, BooleanSupplier offerUntaken) {
        if (link == null || channel == null) {
            return;
        }
        send(channel);
        virtualThreads.execute(() -> {
            try {
                for (int sent = 1; sent < MAX_SENDS; sent++) {
                    Thread.sleep(REPEAT_AFTER_MS);
                    if (!offerUntaken.getAsBoolean()) {
                        return;
                    }
                    log.debug("Waking {} again: its offer is still untaken", channel);
                    send(channel);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Wake-ups reach Asterisk only while the AMI link is logged in. */
    @Override
    public boolean canWake() {
        AmiLink l = link;
        return l != null && l.connected();
    }

    private void send(String channel) {
        PlayDtmfAction action = new PlayDtmfAction(channel, DialplanNames.WAKE_DIGIT);
        action.setReceive(true);
        try {
            link.sendWithoutWaiting(action);
        } catch (Exception e) {
            log.debug("Could not wake {} over AMI ({}); it notices within one wait slice", channel, e.toString());
        }
    }
}
