package org.carehotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.carehotline.cases.Caller;
import org.carehotline.cases.Category;
import org.carehotline.cases.InboundCall;
import org.carehotline.cases.IncomingCall;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.QueueTicket;
import org.carehotline.routing.Reservation;
import org.carehotline.routing.hours.OutOfHoursAction;
import org.carehotline.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call, start to end: answer, welcome (while the caller's case is looked up),
 * menu, opening hours, dialect, then the queue: a counselor is offered the call, and on no
 * answer the call goes back to the head of its priority for the next fit. A caller who waits
 * can ask for a call-back; a wait that overflows goes to the on-call number. Every path ends
 * with the contact's end recorded and {@code HOTLINE_RESULT} telling the dialplan what to do:
 * the caller is never left in silence.
 */
final class InboundCallFlow {

    private static final Logger log = LoggerFactory.getLogger(InboundCallFlow.class);
    private static final int MENU_TRIES = 3;
    private static final int KEY_WAIT_MS = 5000;
    /** How long the end of a call waits for its queued records before writing the end anyway. */
    private static final Duration RECORDS_WAIT = Duration.ofSeconds(10);

    private final AgiChannel channel;
    private final InboundScript.Parts parts;
    private final Clock clock;
    private final IncomingCall incoming;
    private final Future<InboundCall> lookup;
    private final RecordLane records;
    private final Sounds sounds;
    /** The line settings for this whole call, so the menu heard and the keys accepted always agree. */
    private final SettingsService.Active line;
    private InboundCall call;
    private Instant talkEndedAt;
    /** The dialplan's fallback group has the call now: its end is Asterisk's to report, not ours. */
    private boolean handedToFallback;

    InboundCallFlow(AgiRequest request, AgiChannel channel, InboundScript.Parts parts) {
        this.channel = channel;
        this.parts = parts;
        this.clock = parts.clock();
        this.incoming = new IncomingCall(request.getUniqueId(), request.getChannel(), request.getCallerIdNumber(),
                clock.instant());
        this.lookup = parts.blocking().submit(() -> parts.recorder().startInbound(incoming));
        this.records = new RecordLane(parts.blocking(), incoming.uniqueId());
        this.sounds = new Sounds(channel, incoming.uniqueId());
        this.line = parts.settings().active();
    }

    void run() {
        try {
            channel.answer();
            channel.setVariable("CHANNEL(language)", parts.config().promptLanguage());
            char key = greetAndReadMenu();
            call = awaitLookup();
            channel.setVariable(DialplanNames.VAR_CONTACT_ID, call.contactId());
            Category category = line.settings().category(key).orElse(Category.PSYCHOLOGICAL_SUPPORT);
            InboundCall lookedUp = call;
            // from here on the call's records go to its lane: routing never waits for the database
            records.write("the menu choice", () -> parts.recorder().recordMenuChoice(lookedUp, String.valueOf(key),
                    category));
            CallNeeds needs = needs(category);
            if (!line.hours().isOpen(clock.instant())) {
                outOfHours(needs);
            } else {
                connect(needs);
            }
        } catch (AgiHangupException e) {
            log.debug("Caller hung up: {}", incoming.uniqueId());
        } catch (Exception e) {
            log.error("Inbound call {} failed; handing it to the fallback group", incoming.uniqueId(), e);
            sendToFallbackQuietly("server error: " + e.getClass().getSimpleName());
        } finally {
            recordEnd();
        }
    }

    /** Plays the welcome and the menu; returns the key, or '1' (psychological support) if none was valid. */
    private char greetAndReadMenu() throws AgiException {
        String keys = line.settings().menuDigits();
        char key = sounds.play(Prompts.WELCOME, keys);
        for (int tries = 0; key == 0 && tries < MENU_TRIES; tries++) {
            key = KeyMenu.play(sounds, line.settings().menu(), keys);
            if (key == 0) {
                key = channel.waitForDigit(KEY_WAIT_MS);
            }
            if (key != 0 && line.settings().category(key).isEmpty()) {
                sounds.play(Prompts.INVALID_KEY);
                key = 0;
            }
        }
        // Nobody who stays on a care line should be cut off for not pressing a key.
        return key == 0 ? '1' : key;
    }

    private InboundCall awaitLookup() throws Exception {
        try {
            return lookup.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Crisis and high-risk callers are urgent; others may choose their dialect. */
    private CallNeeds needs(Category category) throws AgiException {
        boolean highRisk = call.caller().map(Caller::highRisk).orElse(false);
        boolean urgent = category == Category.CRISIS_INTERVENTION || highRisk;
        if (urgent) {
            String reason = highRisk ? "caller flagged high-risk" : "caller pressed 0 (help now)";
            Instant at = clock.instant();
            records.write("the urgency", () -> parts.recorder().log(call.contactId(), at, "urgent: " + reason));
            parts.live().crisisAlert(call.contactId(), reason);
        }
        Optional<String> dialect = call.caller().map(Caller::dialect).filter(d -> !d.isEmpty());
        if (dialect.isEmpty() && !urgent) {
            dialect = new DialectMenu(channel, sounds, line.settings()).ask();
            dialect.ifPresent(d -> records.write("the dialect", () -> parts.recorder().recordDialect(call, d)));
        }
        return new CallNeeds(category, dialect, urgent, call.previousCounselorId());
    }

    /** Queue, wait, dial; on no answer back to the queue for the next fit. */
    private void connect(CallNeeds needs) throws AgiException {
        if (parts.router().blind()) {
            parts.recorder().log(call.contactId(), "no phone states known (AMI link down?): ring group");
            sendToFallback("routing cannot see the counselors' phones");
            return;
        }
        QueueTicket ticket = parts.router().enqueue(call.contactId(), incoming.channel(), needs);
        WaitingRoom room = new WaitingRoom(channel, sounds, ticket, parts.config(), parts.rules().overflowAfterSeconds(),
                call.caller().isPresent(), clock, new WaitingRoom.Listener() {
                    @Override
                    public void waiting(int position, String why) {
                        Instant at = clock.instant();
                        records.write("the wait", () -> parts.recorder().log(call.contactId(), at,
                                "waiting at position " + position + ": " + why));
                    }

                    @Override
                    public void escalated() {
                        Instant at = clock.instant();
                        records.write("the escalation", () -> parts.recorder().log(call.contactId(), at,
                                "caller pressed 0 while waiting: now urgent"));
                        parts.live().crisisAlert(call.contactId(), "caller pressed 0 while waiting");
                    }
                });
        boolean firstOffer = true;
        try {
            while (true) {
                WaitingRoom.Result result = room.waitForCounselor();
                if (result instanceof WaitingRoom.Offered offered) {
                    playConnecting(offered.reservation(), firstOffer ? connectingPrompt(needs) : Prompts.TRYING_NEXT);
                    firstOffer = false;
                    if (dial(offered.reservation(), ticket)) {
                        finish(DialplanNames.RESULT_DONE);
                        return;
                    }
                } else if (result instanceof WaitingRoom.CallbackRequested) {
                    leaveCallbackRequest();
                    return;
                } else {
                    long waited = ticket.waited().toSeconds();
                    Instant at = clock.instant();
                    records.write("the overflow", () -> parts.recorder().log(call.contactId(), at,
                            "waited " + waited + " s: overflow"));
                    overflow(needs);
                    return;
                }
            }
        } finally {
            ticket.leave();
        }
    }

    /** Tells the caller they are being connected; a hang-up now frees the counselor held for them. */
    private void playConnecting(Reservation r, String prompt) throws AgiException {
        try {
            sounds.play(prompt);
        } catch (AgiException e) {
            parts.router().release(r);
            throw e;
        }
    }

    /** Dials the offered counselor; true when the call is over (talked, or the caller hung up while it rang). */
    private boolean dial(Reservation r, QueueTicket ticket) throws AgiException {
        // nothing between the found counselor and the Dial waits for the database
        Instant offeredAt = clock.instant();
        records.write("the offer", () -> parts.recorder().recordOffered(call.contactId(), r.counselorId(), r.reason(),
                offeredAt));
        parts.live().callOffered(r.counselorId(), call.contactId());
        DialOutcome outcome;
        try {
            outcome = DialOutcome.dial(channel, r.endpoint(), parts.config().ringSeconds());
        } catch (AgiException e) {
            // the session died while the phone rang (a finished talk returns normally): free the counselor
            parts.router().release(r);
            throw e;
        }
        // the counselor is given back to routing first: the records can wait a few milliseconds
        if (outcome.answered()) {
            talkEndedAt = clock.instant();
            parts.router().callEnded(r, Duration.ofSeconds(outcome.talkSecondsUntil(talkEndedAt)));
            // without the dialplan's stamp ([hotline-answered] missing) the offer time bounds the answer
            Instant answeredAt = outcome.answeredAt().orElse(offeredAt);
            records.write("the answer", () -> parts.recorder().recordAnswered(call.contactId(), r.counselorId(),
                    answeredAt));
            return true;
        }
        if (outcome.callerGoneBeforeRinging()) {
            // Asterisk's Dial saw the caller already gone: no phone rang, nobody missed anything
            parts.router().release(r);
            records.write("the hang-up before the Dial", () -> parts.recorder().recordCallerLeftBeforeRinging(
                    call.contactId(), r.counselorId()));
            return true;
        }
        if (DialplanNames.DIALSTATUS_CANCEL.equals(outcome.dialStatus())) {
            // the caller hung up while the phone rang: not the counselor's miss, and nobody to requeue
            parts.router().release(r);
            records.write("the hang-up while ringing", () -> parts.recorder().recordCallerLeftWhileRinging(
                    call.contactId(), r.counselorId()));
            return true;
        }
        ticket.offerMissed(r.counselorId());
        records.write("the missed offer", () -> parts.recorder().recordOfferMissed(call.contactId(), r.counselorId(),
                outcome.dialStatus()));
        return false;
    }

    private static String connectingPrompt(CallNeeds needs) {
        return needs.urgent() ? Prompts.CRISIS_CONNECTING : Prompts.CONNECTING;
    }

    private void leaveCallbackRequest() throws AgiException {
        recordCallbackRequest();
        sounds.play(Prompts.CALLBACK_CONFIRMED);
        sounds.play(Prompts.GOODBYE);
        finish(DialplanNames.RESULT_DONE);
    }

    private void outOfHours(CallNeeds needs) throws AgiException {
        parts.recorder().log(call.contactId(), "outside opening hours (settings v" + line.version().version() + ": "
                + line.hours().describe() + ")");
        sounds.play(Prompts.CLOSED);
        if (line.settings().closedAction() == OutOfHoursAction.ONCALL || needs.urgent()) {
            overflow(needs);
        } else {
            noCounselor(needs, "outside opening hours");
        }
    }

    /** The on-call counselor's number through the trunk, if configured; else {@link #noCounselor}. */
    private void overflow(CallNeeds needs) throws AgiException {
        Optional<String> oncall = parts.config().oncallDialString();
        if (oncall.isPresent()) {
            sounds.play(connectingPrompt(needs));
            Instant dialedAt = clock.instant();
            records.write("the on-call dial", () -> parts.recorder().log(call.contactId(), dialedAt,
                    "dialing the on-call number"));
            DialOutcome outcome = DialOutcome.dial(channel, oncall.get(), 45);
            if (outcome.answered()) {
                talkEndedAt = clock.instant();
                Instant answeredAt = outcome.answeredAt().orElse(dialedAt);
                records.write("the on-call answer", () -> parts.recorder().recordOnCallAnswered(call.contactId(),
                        answeredAt));
                finish(DialplanNames.RESULT_DONE);
                return;
            }
            Instant missedAt = clock.instant();
            records.write("the on-call miss", () -> parts.recorder().log(call.contactId(), missedAt,
                    "on-call number did not answer: " + outcome.dialStatus()));
        }
        noCounselor(needs, "nobody took the call");
    }

    /**
     * Nobody can take the call now. Whoever can be called back gets a call-back request. An
     * urgent caller then goes to the fallback group, which rings every phone; others hear the
     * confirmation and goodbye. An anonymous caller cannot be called back: fallback group.
     */
    private void noCounselor(CallNeeds needs, String reason) throws AgiException {
        if (call.caller().isEmpty()) {
            sounds.play(Prompts.CALLBACK_UNAVAILABLE);
            sendToFallback(reason + "; anonymous caller cannot be called back");
            return;
        }
        recordCallbackRequest();
        if (needs.urgent()) {
            sendToFallback(reason + "; urgent: call-back recorded and fallback group rung");
            return;
        }
        sounds.play(Prompts.CALLBACK_CONFIRMED);
        sounds.play(Prompts.GOODBYE);
        finish(DialplanNames.RESULT_DONE);
    }

    /**
     * The caller is told a call-back is on its way only once it is stored: written on the
     * session's own thread, after the records queued before it.
     */
    private void recordCallbackRequest() {
        records.awaitWritten(RECORDS_WAIT);
        parts.recorder().recordCallbackRequested(call);
    }

    private void sendToFallback(String reason) throws AgiException {
        if (call != null) {
            records.write("the fallback", () -> parts.recorder().recordFallback(call.contactId(), reason));
        }
        finish(DialplanNames.RESULT_FALLBACK);
    }

    private void sendToFallbackQuietly(String reason) {
        try {
            finish(DialplanNames.RESULT_FALLBACK);
            if (call != null) {
                records.write("the fallback", () -> parts.recorder().recordFallback(call.contactId(), reason));
            }
        } catch (Exception e) {
            // The dialplan treats a missing HOTLINE_RESULT as fallback too.
            log.warn("Could not mark call {} for fallback: {}", incoming.uniqueId(), e.toString());
        }
    }

    private void finish(String result) throws AgiException {
        channel.setVariable(DialplanNames.VAR_RESULT, result);
        handedToFallback = DialplanNames.RESULT_FALLBACK.equals(result);
    }

    /** Records the end of the call; the caller may have hung up before the case lookup finished. */
    private void recordEnd() {
        records.awaitWritten(RECORDS_WAIT);
        if (handedToFallback) {
            // the call goes on in the ring group: its answer and end come from Asterisk (AMI, AstDB)
            return;
        }
        try {
            InboundCall recorded = call != null ? call : lookup.get(10, TimeUnit.SECONDS);
            parts.recorder().recordEnded(recorded.contactId(), talkEndedAt != null ? talkEndedAt : clock.instant());
        } catch (Exception e) {
            log.warn("Could not record the end of call {}: {}", incoming.uniqueId(), e.toString());
        }
    }
}
