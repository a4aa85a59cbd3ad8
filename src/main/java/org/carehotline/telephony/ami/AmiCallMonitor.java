package org.carehotline.telephony.ami;

import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.carehotline.live.CallMonitor;

/**
 * Supervisor listen / whisper / barge through AMI: {@code Originate} to the supervisor's phone
 * running {@code ChanSpy} on the counselor's phone, with options {@code q} (no beep), {@code E}
 * (end when the spied call ends: without it ChanSpy keeps scanning and joins the counselor's next
 * call, in whisper or barge mode too) and {@code w} (whisper) or {@code B} (barge: both parties
 * hear). ChanSpy matches channel names by prefix, so the prefix carries the dash that ends the
 * endpoint name: {@code PJSIP/6001-} never matches {@code PJSIP/60010-00000001}.
 */
public final class AmiCallMonitor implements CallMonitor {

    private static final long RING_MS = 30_000;

    private final AmiLink link;

    public AmiCallMonitor(AmiLink link) {
        this.link = link;
    }

    /** The ChanSpy argument for a counselor's endpoint and a mode, e.g. {@code PJSIP/6001-,qEw}. */
    static String chanSpyData(String counselorEndpoint, Mode mode) {
        String options = switch (mode) {
            case LISTEN -> "qE";
            case WHISPER -> "qEw";
            case BARGE -> "qEB";
        };
        return counselorEndpoint + "-," + options;
    }

    @Override
    public void monitor(String supervisorEndpoint, String counselorEndpoint, Mode mode) throws Exception {
        OriginateAction originate = new OriginateAction();
        originate.setChannel(supervisorEndpoint);
        originate.setApplication("ChanSpy");
        originate.setData(chanSpyData(counselorEndpoint, mode));
        originate.setCallerId("Hotline " + mode.name().toLowerCase(java.util.Locale.ROOT) + " <" + counselorEndpoint + ">");
        originate.setTimeout(RING_MS);
        // answered asynchronously: the response only says Asterisk took the request
        originate.setAsync(true);
        ManagerResponse response = link.send(originate);
        if (response instanceof ManagerError) {
            throw new IllegalStateException("Asterisk refused the monitor call: " + response.getMessage());
        }
    }
}
