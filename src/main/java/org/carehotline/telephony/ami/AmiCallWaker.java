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
 * current {@code WAIT FOR DIGIT} at once. Sent on a virtual thread: the router never waits for
 * AMI. A digit that arrives while the session is between two commands is dropped by Asterisk,
 * so the wake-up is repeated every {@link #REPEAT_AFTER_MS} ms until the session has taken its
 * offer, a few times at most. If the link is down the session still notices within one wait
 * slice.
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
        virtualThreads.execute(() -> {
            try {
                for (int sent = 0; sent < MAX_SENDS && offerUntaken.getAsBoolean(); sent++) {
                    if (sent > 0) {
                        log.debug("Waking {} again: its offer is still untaken", channel);
                    }
                    send(channel);
                    Thread.sleep(REPEAT_AFTER_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void send(String channel) {
        PlayDtmfAction action = new PlayDtmfAction(channel, DialplanNames.WAKE_DIGIT);
        action.setReceive(true);
        try {
            link.send(action);
        } catch (Exception e) {
            log.debug("Could not wake {} over AMI ({}); it notices within one wait slice", channel, e.toString());
        }
    }
}
