package org.carehotline.telephony.ami;

import java.util.concurrent.ExecutorService;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.carehotline.routing.CallWaker;
import org.carehotline.telephony.agi.DialplanNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes a waiting caller's AGI session through AMI: {@code PlayDTMF} with {@code Receive: yes}
 * (Asterisk 16+) makes the caller's channel receive the wake digit, which ends the session's
 * current {@code WAIT FOR DIGIT} at once. Sent on a virtual thread: the router never waits for
 * AMI. If the link is down the session still notices within one wait slice.
 */
public final class AmiCallWaker implements CallWaker {

    private static final Logger log = LoggerFactory.getLogger(AmiCallWaker.class);

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
    public void wake(String channel) {
        AmiLink current = link;
        if (current == null || channel == null) {
            return;
        }
        virtualThreads.execute(() -> {
            PlayDtmfAction action = new PlayDtmfAction(channel, DialplanNames.WAKE_DIGIT);
            action.setReceive(true);
            try {
                current.send(action);
            } catch (Exception e) {
                log.debug("Could not wake {} over AMI ({}); it notices within one wait slice", channel, e.toString());
            }
        });
    }
}
