package org.carehotline.telephony.agi;

import java.time.Clock;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.followups.ActiveCall;
import org.carehotline.followups.FollowUpOutcomes;
import org.carehotline.followups.Outcome;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.Router;

/**
 * The script of {@code [hotline-checkin]}: the worker answered the automated check-in. Key 1:
 * all right, thanks, goodbye. Key 2: they go into the line to a counselor with priority, and
 * wait and are dialed like an inbound caller ({@link CheckinConnection}). No key: retried later.
 */
public final class CheckinScript implements AgiScript {

    private static final int TRIES = 2;
    private static final int KEY_WAIT_MS = 5000;

    /** What a check-in works with. */
    public record Parts(FollowUpOutcomes outcomes, Router router, CallConfig calls, int overflowAfterSeconds,
                        LiveFeed live, Clock clock) {}

    private final Parts parts;

    public CheckinScript(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<ActiveCall> active = parts.outcomes().checkinAnswered(
                channel.getVariable(DialplanNames.VAR_FOLLOWUP_ID), channel.getVariable(DialplanNames.VAR_FOLLOWUP_CLAIM));
        if (active.isEmpty()) {
            return;
        }
        ActiveCall call = active.get();
        // the originated channel is the first of its call: its linkedid is its own uniqueid
        parts.outcomes().channelIs(call, request.getUniqueId(), request.getUniqueId());
        try {
            Sounds sounds = new Sounds(channel, request.getUniqueId());
            char key = askHowTheyAre(channel, sounds);
            if (key == '1') {
                sounds.play(Prompts.CHECKIN_THANKS);
                parts.outcomes().callEnded(call, Outcome.CHECKIN_OK, 0, "pressed 1: all right");
            } else if (key == '2') {
                new CheckinConnection(channel, request.getChannel(), call, parts).connect();
            } else {
                sounds.play(Prompts.GOODBYE);
                parts.outcomes().callEnded(call, Outcome.CHECKIN_NO_RESPONSE, 0, "answered, no key pressed");
            }
        } catch (AgiHangupException e) {
            parts.outcomes().callEnded(call, Outcome.CHECKIN_NO_RESPONSE, 0, "hung up during the check-in");
        }
    }

    private static char askHowTheyAre(AgiChannel channel, Sounds sounds) throws AgiException {
        for (int i = 0; i < TRIES; i++) {
            char key = sounds.play(Prompts.CHECKIN, "12");
            if (key == 0) {
                key = channel.waitForDigit(KEY_WAIT_MS);
            }
            if (key == '1' || key == '2') {
                return key;
            }
        }
        return 0;
    }
}
