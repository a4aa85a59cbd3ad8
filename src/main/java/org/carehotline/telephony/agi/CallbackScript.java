package org.carehotline.telephony.agi;

import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.followups.ActiveCall;
import org.carehotline.followups.FollowUpOutcomes;
import org.carehotline.followups.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script of {@code [hotline-callback]}: the counselor answered a follow-up call the server
 * originated. Whispers the case to the counselor, dials the worker through the trunk with the
 * hotline's caller ID, and reports the outcome. A follow-up whose claim is gone (taken over
 * after a lapse, or already finished) is not dialed. Runs on the session's virtual thread.
 */
public final class CallbackScript implements AgiScript {

    private static final Logger log = LoggerFactory.getLogger(CallbackScript.class);

    /**
     * @param callerId the number the worker sees; empty keeps the trunk's default
     */
    public record Parts(FollowUpOutcomes outcomes, String trunk, int workerRingSeconds, String callerId,
                        java.time.Clock clock) {}

    private final Parts parts;

    public CallbackScript(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Sounds sounds = new Sounds(channel, request.getUniqueId());
        String followUpId = channel.getVariable(DialplanNames.VAR_FOLLOWUP_ID);
        String claim = channel.getVariable(DialplanNames.VAR_FOLLOWUP_CLAIM);
        Optional<ActiveCall> active = parts.outcomes().counselorAnswered(followUpId, claim);
        if (active.isEmpty()) {
            log.info("Follow-up {} is no longer held by this claim; not dialing the worker", followUpId);
            sounds.play(Prompts.GOODBYE);
            return;
        }
        ActiveCall call = active.get();
        // the originated channel is the first of its call: its linkedid is its own uniqueid
        parts.outcomes().channelIs(call, request.getUniqueId(), request.getUniqueId());
        boolean dialed = false;
        try {
            sounds.play(Prompts.CALLBACK_WHISPER);
            if (!parts.callerId().isEmpty()) {
                channel.setVariable("CALLERID(num)", parts.callerId());
            }
            dialed = true;
            DialOutcome dial = DialOutcome.dial(channel, "PJSIP/" + call.workerNumber() + "@" + parts.trunk(),
                    parts.workerRingSeconds());
            String cause = channel.getVariable(DialplanNames.VAR_HANGUPCAUSE);
            parts.outcomes().callEnded(call, outcomeOf(dial, cause), dial.talkSecondsUntil(parts.clock().instant()),
                    "DIALSTATUS " + dial.dialStatus() + ", cause " + (cause == null ? "-" : cause));
            // a Dial after a bridged call returns -1 (AGISTATUS FAILURE): the dialplan must not
            // then play the counselor the "could not run" message
            channel.setVariable(DialplanNames.VAR_RESULT, DialplanNames.RESULT_DONE);
        } catch (AgiHangupException e) {
            parts.outcomes().callEnded(call, dialed ? Outcome.FAILED : Outcome.NOT_DIALED, 0,
                    dialed ? "the call dropped while dialing the worker" : "the counselor hung up during the whisper");
        }
    }

    /**
     * The worker's side of the Dial, from Asterisk 22's {@code DIALSTATUS} and the dialed leg's
     * {@code HANGUPCAUSE}. chan_pjsip maps the SIP final response to a Q.850 cause
     * (res_pjsip_session: 486 → 17 user busy, 603 → 21 call rejected, 404 → 1 unallocated,
     * 410 → 22 number changed, 484 → 28 invalid format, 480 → 18/20, 408 → 18), and app_dial's
     * {@code handle_cause} turns every cause but 17 (BUSY) and 34 (CONGESTION) into CHANUNAVAIL:
     * a 603 Decline therefore arrives as CHANUNAVAIL with cause 21, never as BUSY.
     */
    static Outcome outcomeOf(DialOutcome dial, String hangupCause) {
        String cause = hangupCause == null ? "" : hangupCause.strip();
        return switch (dial.dialStatus()) {
            case DialplanNames.DIALSTATUS_ANSWER -> Outcome.REACHED;
            case DialplanNames.DIALSTATUS_NOANSWER -> Outcome.NO_ANSWER;
            // the counselor hung up while the worker's phone rang: not the worker's miss
            case DialplanNames.DIALSTATUS_CANCEL -> Outcome.NOT_DIALED;
            default -> switch (cause) {
                case "21" -> Outcome.DECLINED;
                case "17" -> Outcome.BUSY;
                case "1", "22", "28" -> Outcome.WRONG_NUMBER;
                case "18", "19", "20" -> Outcome.NO_ANSWER;
                default -> DialplanNames.DIALSTATUS_BUSY.equals(dial.dialStatus()) ? Outcome.BUSY : Outcome.FAILED;
            };
        };
    }
}
