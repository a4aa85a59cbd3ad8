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
    public record Parts(FollowUpOutcomes outcomes, String trunk, int workerRingSeconds, String callerId) {}

    private final Parts parts;

    public CallbackScript(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String followUpId = channel.getVariable(DialplanNames.VAR_FOLLOWUP_ID);
        String claim = channel.getVariable(DialplanNames.VAR_FOLLOWUP_CLAIM);
        Optional<ActiveCall> active = parts.outcomes().counselorAnswered(followUpId, claim);
        if (active.isEmpty()) {
            log.info("Follow-up {} is no longer held by this claim; not dialing the worker", followUpId);
            channel.streamFile(Prompts.GOODBYE);
            return;
        }
        ActiveCall call = active.get();
        boolean dialed = false;
        try {
            channel.streamFile(Prompts.CALLBACK_WHISPER);
            if (!parts.callerId().isEmpty()) {
                channel.setVariable("CALLERID(num)", parts.callerId());
            }
            dialed = true;
            DialOutcome dial = DialOutcome.dial(channel, "PJSIP/" + call.workerNumber() + "@" + parts.trunk(),
                    parts.workerRingSeconds());
            String cause = channel.getVariable(DialplanNames.VAR_HANGUPCAUSE);
            parts.outcomes().callEnded(call, outcomeOf(dial, cause), dial.answeredSeconds(),
                    "DIALSTATUS " + dial.dialStatus() + ", cause " + (cause == null ? "-" : cause));
        } catch (AgiHangupException e) {
            parts.outcomes().callEnded(call, dialed ? Outcome.FAILED : Outcome.NOT_DIALED, 0,
                    dialed ? "the call dropped while dialing the worker" : "the counselor hung up during the whisper");
        }
    }

    /**
     * The worker's side of the Dial: a busy signal with cause 21 (call rejected) is the worker
     * declining; an unallocated or changed number (cause 1, 22, 28) is a wrong number.
     */
    static Outcome outcomeOf(DialOutcome dial, String hangupCause) {
        String cause = hangupCause == null ? "" : hangupCause.strip();
        return switch (dial.dialStatus()) {
            case DialplanNames.DIALSTATUS_ANSWER -> Outcome.REACHED;
            case DialplanNames.DIALSTATUS_BUSY -> "21".equals(cause) ? Outcome.DECLINED : Outcome.BUSY;
            case DialplanNames.DIALSTATUS_NOANSWER -> Outcome.NO_ANSWER;
            // the counselor hung up while the worker's phone rang: not the worker's miss
            case "CANCEL" -> Outcome.NOT_DIALED;
            default -> switch (cause) {
                case "1", "22", "28" -> Outcome.WRONG_NUMBER;
                default -> Outcome.FAILED;
            };
        };
    }
}
