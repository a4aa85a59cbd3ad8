package org.carehotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.carehotline.settings.DialectOption;
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
 *
 * <p>Seconds before a human are the caller's cost: every prompt can be interrupted by the keys
 * valid at that moment, key 0 (help now) at any point goes straight to the crisis path, the
 * dialect menu is asked only when its answer can change who gets the call, and the phone rings
 * while the caller hears "connecting you" (the Dial's music class is the prompt). The
 * {@link IvrJourney} measures it all, per path, on the contact.
 */
final class InboundCallFlow {

    private static final Logger log = LoggerFactory.getLogger(InboundCallFlow.class);
    private static final int MENU_TRIES = 3;
    /** The wait for a key after the menu's last option. */
    private static final int KEY_WAIT_MS = 3000;
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
    private IvrJourney journey;
    private boolean hungUp;
    /** The caller pressed 0 in the waiting room: the connecting prompt is the crisis one. */
    private boolean escalatedWhileWaiting;
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
            // stamped before ANSWER: Asterisk's answer returns only after the caller's media starts
            // (or 500 ms), and the caller is already on the line from the 200 OK
            Instant answering = clock.instant();
            channel.answer();
            journey = new IvrJourney(answering);
            channel.setVariable("CHANNEL(language)", parts.config().promptLanguage());
            char key = greetAndReadMenu();
            call = awaitLookup();
            channel.setVariable(DialplanNames.VAR_CONTACT_ID, call.contactId());
            CallNeeds needs = needs(categoryOf(key));
            InboundCall lookedUp = call;
            String menuKey = needs.category() == Category.CRISIS_INTERVENTION && key != Keys.HELP_NOW
                    && categoryOf(key) != Category.CRISIS_INTERVENTION ? String.valueOf(Keys.HELP_NOW)
                    : String.valueOf(key);
            // from here on the call's records go to its lane: routing never waits for the database
            records.write("the menu choice", () -> parts.recorder().recordMenuChoice(lookedUp, menuKey,
                    needs.category()));
            if (!line.hours().isOpen(clock.instant())) {
                outOfHours(needs);
            } else {
                connect(needs);
            }
        } catch (AgiHangupException e) {
            hungUp = true;
            log.debug("Caller hung up: {}", incoming.uniqueId());
        } catch (Exception e) {
            log.error("Inbound call {} failed; handing it to the fallback group", incoming.uniqueId(), e);
            sendToFallbackQuietly("server error: " + e.getClass().getSimpleName());
        } finally {
            recordEnd();
        }
    }

    /**
     * Plays the welcome and the menu; returns the key, or '1' (psychological support) if none was
     * valid. The welcome already takes the menu's keys: a caller who knows them waits for nothing.
     * A caller who presses nothing hears the menu once and is put through: pressing nothing is an
     * answer too, and another round would only keep them from a human. A wrong key gets the
     * invalid-key prompt (which takes the next key at once) and the menu again, a few times.
     */
    private char greetAndReadMenu() throws AgiException {
        String keys = Keys.withHelpNow(line.settings().menuDigits());
        char key = sounds.play(Prompts.WELCOME, keys);
        if (key == 0) {
            journey.at(IvrJourney.STEP_MENU);
            key = playMenu(keys);
        }
        for (int tries = 1; key != 0 && !valid(key) && tries < MENU_TRIES; tries++) {
            journey.at(IvrJourney.STEP_MENU);
            key = sounds.play(Prompts.INVALID_KEY, keys);
            key = key != 0 ? key : playMenu(keys);
        }
        if (key == Keys.HELP_NOW) {
            journey.helpNow(clock.instant());
        } else if (valid(key)) {
            journey.keyPressed();
        }
        // Nobody who stays on a care line should be cut off for not pressing a key.
        return valid(key) ? key : '1';
    }

    /** The menu's options, then a short wait for a key. */
    private char playMenu(String keys) throws AgiException {
        char key = KeyMenu.play(sounds, line.settings().menu(), keys);
        return key != 0 ? key : channel.waitForDigit(KEY_WAIT_MS);
    }

    private boolean valid(char key) {
        return key == Keys.HELP_NOW || line.settings().category(key).isPresent();
    }

    /** The menu's category of a key; 0 is help now (crisis) whatever the menu says. */
    private Category categoryOf(char key) {
        if (key == Keys.HELP_NOW) {
            return Category.CRISIS_INTERVENTION;
        }
        return line.settings().category(key).orElse(Category.PSYCHOLOGICAL_SUPPORT);
    }

    private InboundCall awaitLookup() throws Exception {
        try {
            return lookup.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Crisis and high-risk callers are urgent; others are asked their dialect only when the
     * answer could change who gets the call, and never when their profile already says it.
     */
    private CallNeeds needs(Category category) throws AgiException {
        boolean highRisk = call.caller().map(Caller::highRisk).orElse(false);
        boolean urgent = category == Category.CRISIS_INTERVENTION || highRisk;
        Optional<String> dialect = call.caller().map(Caller::dialect).filter(d -> !d.isEmpty());
        CallNeeds needs = new CallNeeds(category, dialect, urgent, call.previousCounselorId());
        if (dialect.isEmpty() && !urgent && journey.keysPressed() && dialectMenuWorthAsking(needs)) {
            journey.at(IvrJourney.STEP_DIALECT);
            DialectMenu.Answer answer = new DialectMenu(channel, sounds, line.settings()).ask();
            if (answer.helpNow()) {
                journey.helpNow(clock.instant());
                needs = needs.escalated();
            } else if (answer.dialect().isPresent()) {
                String chosen = answer.dialect().get();
                records.write("the dialect", () -> parts.recorder().recordDialect(call, chosen));
                needs = new CallNeeds(category, answer.dialect(), false, call.previousCounselorId());
            }
        }
        if (needs.urgent()) {
            String reason = highRisk ? "caller flagged high-risk" : "caller pressed 0 (help now)";
            alertUrgent(reason);
        }
        return needs;
    }

    /**
     * Whether to ask the dialect: not for a caller who pressed nothing in the main menu (they will
     * not press now), and only if the answer could change who gets the call.
     */
    private boolean dialectMenuWorthAsking(CallNeeds needs) {
        if (line.settings().dialects().isEmpty()) {
            return false;
        }
        if (parts.config().dialectMenuAlways()) {
            return true;
        }
        List<String> dialects = line.settings().dialects().stream().map(DialectOption::dialect).toList();
        boolean matters = parts.router().dialectCouldMatter(needs, dialects);
        if (!matters) {
            Instant at = clock.instant();
            records.write("the skipped dialect menu", () -> parts.recorder().log(call.contactId(), at,
                    "dialect menu skipped: its answer would not change who gets the call"));
        }
        return matters;
    }

    private void alertUrgent(String reason) {
        Instant at = clock.instant();
        records.write("the urgency", () -> parts.recorder().log(call.contactId(), at, "urgent: " + reason));
        parts.live().crisisAlert(call.contactId(), reason);
    }

    /** Queue, wait, dial; on no answer back to the queue for the next fit. */
    private void connect(CallNeeds needs) throws AgiException {
        if (parts.router().blind()) {
            parts.recorder().log(call.contactId(), "no phone states known (AMI link down?): ring group");
            sendToFallback("routing cannot see the counselors' phones");
            return;
        }
        journey.at(IvrJourney.STEP_QUEUE);
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
                        journey.helpNow(clock.instant());
                        escalatedWhileWaiting = true;
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
                    String music = firstOffer ? connectingMusic(needs.urgent() || escalatedWhileWaiting)
                            : DialplanNames.MOH_TRYING_NEXT;
                    firstOffer = false;
                    if (dial(offered.reservation(), ticket, music)) {
                        finish(DialplanNames.RESULT_DONE);
                        return;
                    }
                } else if (result instanceof WaitingRoom.CallbackRequested) {
                    if (leaveCallbackRequest()) {
                        return;
                    }
                    // 0 during the confirmation: help now, so the caller stays, first in line
                    room.helpNowAfterCallback();
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

    /**
     * Dials the offered counselor, the caller hearing {@code music} (the connecting prompt, then
     * ringback) while the phone rings; true when the call is over (talked, or the caller hung up).
     */
    private boolean dial(Reservation r, QueueTicket ticket, String music) throws AgiException {
        // nothing between the found counselor and the Dial waits for the database
        Instant offeredAt = clock.instant();
        records.write("the offer", () -> parts.recorder().recordOffered(call.contactId(), r.counselorId(), r.reason(),
                offeredAt));
        parts.live().callOffered(r.counselorId(), call.contactId());
        DialOutcome outcome;
        journey.ringing(offeredAt, IvrJourney.STEP_DIAL);
        try {
            outcome = DialOutcome.dial(channel, r.endpoint(), parts.config().ringSeconds(), music);
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
            journey.humanAnswered(answeredAt);
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

    private static String connectingMusic(boolean urgent) {
        return urgent ? DialplanNames.MOH_CRISIS_CONNECTING : DialplanNames.MOH_CONNECTING;
    }

    /**
     * Confirms the call-back the caller asked for; false when they pressed 0 during the
     * confirmation (help now): the request stays, and the caller stays on the line.
     */
    private boolean leaveCallbackRequest() throws AgiException {
        recordCallbackRequest();
        journey.callbackLeft();
        if (playUnlessHelpNow(Prompts.CALLBACK_CONFIRMED) || playUnlessHelpNow(Prompts.GOODBYE)) {
            journey.helpNow(clock.instant());
            return false;
        }
        finish(DialplanNames.RESULT_DONE);
        return true;
    }

    /** Plays a prompt only 0 interrupts; true when the caller pressed 0. */
    private boolean playUnlessHelpNow(String prompt) throws AgiException {
        return sounds.play(prompt, String.valueOf(Keys.HELP_NOW)) == Keys.HELP_NOW;
    }

    private void outOfHours(CallNeeds needs) throws AgiException {
        parts.recorder().log(call.contactId(), "outside opening hours (settings v" + line.version().version() + ": "
                + line.hours().describe() + ")");
        journey.at(IvrJourney.STEP_CLOSED);
        CallNeeds now = needs;
        if (!needs.urgent() && playUnlessHelpNow(Prompts.CLOSED)) {
            journey.helpNow(clock.instant());
            now = needs.escalated();
            alertUrgent("caller pressed 0 (help now) while the line was closed");
        } else if (needs.urgent()) {
            // an urgent caller hears the closed notice only as far as the on-call dial takes
            sounds.play(Prompts.CLOSED, String.valueOf(Keys.HELP_NOW));
        }
        if (line.settings().closedAction() == OutOfHoursAction.ONCALL || now.urgent()) {
            overflow(now);
        } else {
            noCounselor(now, "outside opening hours");
        }
    }

    /** The on-call counselor's number through the trunk, if configured; else {@link #noCounselor}. */
    private void overflow(CallNeeds needs) throws AgiException {
        Optional<String> oncall = parts.config().oncallDialString();
        if (oncall.isPresent()) {
            Instant dialedAt = clock.instant();
            records.write("the on-call dial", () -> parts.recorder().log(call.contactId(), dialedAt,
                    "dialing the on-call number"));
            journey.ringing(dialedAt, IvrJourney.STEP_DIAL);
            DialOutcome outcome = DialOutcome.dial(channel, oncall.get(), 45, connectingMusic(needs.urgent()));
            if (outcome.answered()) {
                talkEndedAt = clock.instant();
                Instant answeredAt = outcome.answeredAt().orElse(dialedAt);
                journey.humanAnswered(answeredAt);
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
        journey.callbackLeft();
        if (playUnlessHelpNow(Prompts.CALLBACK_CONFIRMED) || playUnlessHelpNow(Prompts.GOODBYE)) {
            // help now and nobody free: the call-back stays, and every phone rings at once
            journey.helpNow(clock.instant());
            alertUrgent("caller pressed 0 (help now) after the call-back was confirmed");
            sendToFallback(reason + "; caller pressed 0: call-back recorded and fallback group rung");
            return;
        }
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
        if (journey != null) {
            journey.ringing(clock.instant(), IvrJourney.STEP_FALLBACK);
        }
        if (call != null) {
            records.write("the fallback", () -> parts.recorder().recordFallback(call.contactId(), reason));
        }
        finish(DialplanNames.RESULT_FALLBACK);
    }

    private void sendToFallbackQuietly(String reason) {
        try {
            finish(DialplanNames.RESULT_FALLBACK);
            if (journey != null) {
                journey.ringing(clock.instant(), IvrJourney.STEP_FALLBACK);
            }
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

    /**
     * Records what the call went through and its end; the caller may have hung up before the case
     * lookup finished.
     */
    private void recordEnd() {
        records.awaitWritten(RECORDS_WAIT);
        try {
            InboundCall recorded = call != null ? call : lookup.get(10, TimeUnit.SECONDS);
            if (journey != null) {
                parts.recorder().recordIvr(recorded.contactId(), journey.record(recorded.returning(), hungUp));
            }
            if (handedToFallback) {
                // the call goes on in the ring group: its answer and end come from Asterisk (AMI, AstDB)
                return;
            }
            parts.recorder().recordEnded(recorded.contactId(), talkEndedAt != null ? talkEndedAt : clock.instant());
        } catch (Exception e) {
            log.warn("Could not record the end of call {}: {}", incoming.uniqueId(), e.toString());
        }
    }
}
