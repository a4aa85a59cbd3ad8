package org.carehotline.telephony.agi;

import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.carehotline.cases.Category;
import org.carehotline.followups.ActiveCall;
import org.carehotline.followups.Outcome;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.QueueTicket;
import org.carehotline.routing.Reservation;

/**
 * A checked-in worker who pressed 2 (or a surveyed worker who pressed 0): into the router's queue as urgent, in the same
 * {@link WaitingRoom} and with the same {@link DialOutcome} as an inbound caller; a counselor
 * who does not answer is replaced by the next. If nobody can take the call, a call-back for
 * the pool is recorded: the worker asked for a person and gets one.
 */
final class CheckinConnection {

    private final AgiChannel channel;
    private final Sounds sounds;
    private final String channelName;
    private final ActiveCall call;
    private final CheckinScript.Parts parts;
    private final Outcome talked;
    private final String key;
    private final CallNeeds needs;

    CheckinConnection(AgiChannel channel, String channelName, ActiveCall call, CheckinScript.Parts parts) {
        this(channel, channelName, call, parts, Outcome.CHECKIN_TALK, "2",
                new CallNeeds(Category.PSYCHOLOGICAL_SUPPORT, Optional.empty(), true, Optional.empty()));
    }

    /**
     * @param talked the outcome that closes the automated call once the worker is put through (or
     *               handed to a call-back)
     * @param key    the key the worker pressed, for the contact's log
     * @param needs  what the worker needs from a counselor (urgent: served before waiting callers)
     */
    CheckinConnection(AgiChannel channel, String channelName, ActiveCall call, CheckinScript.Parts parts,
                      Outcome talked, String key, CallNeeds needs) {
        this.talked = talked;
        this.key = key;
        this.needs = needs;
        this.channel = channel;
        this.sounds = new Sounds(channel, channelName);
        this.channelName = channelName;
        this.call = call;
        this.parts = parts;
    }

    void connect() throws AgiException {
        QueueTicket ticket = parts.router().enqueue(call.contactId(), channelName, needs);
        WaitingRoom room = new WaitingRoom(channel, sounds, ticket, parts.calls(), parts.overflowAfterSeconds(), false,
                parts.clock(), new WaitingRoom.Listener() {
                    @Override
                    public void waiting(int position, String why) {
                    }

                    @Override
                    public void escalated() {
                    }
                });
        try {
            loop(room, ticket);
        } catch (org.asteriskjava.fastagi.AgiHangupException e) {
            parts.outcomes().talkCallbackRequested(call, talked, "pressed " + key
                    + ", hung up while waiting: call-back requested");
        } finally {
            ticket.leave();
        }
    }

    private void loop(WaitingRoom room, QueueTicket ticket) throws AgiException {
        while (true) {
            WaitingRoom.Result result = room.waitForCounselor();
            if (!(result instanceof WaitingRoom.Offered offered)) {
                parts.outcomes().talkCallbackRequested(call, talked, "pressed " + key
                        + ", nobody free: call-back requested");
                sounds.play(Prompts.CALLBACK_CONFIRMED);
                return;
            }
            if (dial(offered.reservation(), ticket)) {
                return;
            }
        }
    }

    private boolean dial(Reservation r, QueueTicket ticket) throws AgiException {
        parts.live().callOffered(r.counselorId(), call.contactId());
        DialOutcome outcome;
        try {
            outcome = DialOutcome.dial(channel, r.endpoint(), parts.calls().ringSeconds(),
                    DialplanNames.MOH_CONNECTING);
        } catch (AgiException e) {
            parts.router().release(r);
            throw e;
        }
        if (outcome.answered()) {
            long talk = outcome.talkSecondsUntil(parts.clock().instant());
            parts.router().callEnded(r, Duration.ofSeconds(talk));
            parts.outcomes().record(call.followUpId(), call.claimToken(), talked,
                    Optional.of(r.counselorId()), talk, "pressed " + key + ": talked with " + r.counselorId());
            channel.setVariable(DialplanNames.VAR_RESULT, DialplanNames.RESULT_DONE);
            return true;
        }
        ticket.offerMissed(r.counselorId());
        return false;
    }
}
