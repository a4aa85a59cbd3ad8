package org.carehotline.telephony.agi;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.Category;
import org.carehotline.cases.InboundCall;
import org.carehotline.cases.IncomingCall;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.Reservation;
import org.carehotline.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound call, start to end: answer, welcome (while the caller's case is looked up),
 * menu, counselors offered one after another, and if nobody takes the call a call-back offer
 * or the dialplan's fallback group. Every path ends with the contact's end recorded and
 * {@code HOTLINE_RESULT} telling the dialplan what to do: the caller is never left in silence.
 */
final class InboundCallFlow {

    private static final Logger log = LoggerFactory.getLogger(InboundCallFlow.class);
    private static final int MENU_TRIES = 3;
    private static final int KEY_WAIT_MS = 5000;

    private final AgiChannel channel;
    private final CallRecorder recorder;
    private final Router router;
    private final CallConfig config;
    private final Clock clock;
    private final IncomingCall incoming;
    private final Future<InboundCall> lookup;
    private InboundCall call;
    private Instant talkEndedAt;

    InboundCallFlow(AgiRequest request, AgiChannel channel, CallRecorder recorder, Router router, CallConfig config,
                    Clock clock, ExecutorService blocking) {
        this.channel = channel;
        this.recorder = recorder;
        this.router = router;
        this.config = config;
        this.clock = clock;
        this.incoming = new IncomingCall(request.getUniqueId(), request.getChannel(), request.getCallerIdNumber(),
                clock.instant());
        this.lookup = blocking.submit(() -> recorder.startInbound(incoming));
    }

    void run() {
        try {
            channel.answer();
            channel.setVariable("CHANNEL(language)", config.promptLanguage());
            char key = greetAndReadMenu();
            call = awaitLookup();
            channel.setVariable(DialplanNames.VAR_CONTACT_ID, call.contactId());
            Category category = MenuKeys.category(key).orElse(Category.PSYCHOLOGICAL_SUPPORT);
            recorder.recordMenuChoice(call, String.valueOf(key), category);
            if (connectToCounselor(category)) {
                finish(DialplanNames.RESULT_DONE);
            } else {
                noCounselorTookTheCall(category);
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
        char key = channel.streamFile(Prompts.WELCOME, MenuKeys.ESCAPE_DIGITS);
        for (int tries = 0; key == 0 && tries < MENU_TRIES; tries++) {
            key = channel.streamFile(Prompts.MENU, MenuKeys.ESCAPE_DIGITS);
            if (key == 0) {
                key = channel.waitForDigit(KEY_WAIT_MS);
            }
            if (key != 0 && MenuKeys.category(key).isEmpty()) {
                channel.streamFile(Prompts.INVALID_KEY);
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

    /** Offers the call to counselors one after another; true when one answered. */
    private boolean connectToCounselor(Category category) throws AgiException {
        CallNeeds needs = new CallNeeds(category, call.previousCounselorId());
        Set<String> tried = new HashSet<>();
        for (int offer = 0; offer < config.maxOffers(); offer++) {
            Optional<Reservation> reservation = router.reserve(needs, tried);
            if (reservation.isEmpty()) {
                return false;
            }
            Reservation r = reservation.get();
            tried.add(r.counselorId());
            channel.streamFile(offer == 0 ? connectingPrompt(category) : Prompts.TRYING_NEXT);
            recorder.recordOffered(call.contactId(), r.counselorId(), r.reason());
            if (dial(r)) {
                return true;
            }
        }
        return false;
    }

    private boolean dial(Reservation r) throws AgiException {
        DialOutcome outcome;
        try {
            outcome = DialOutcome.dial(channel, r.endpoint(), config.ringSeconds());
        } catch (AgiException e) {
            router.missed(r.counselorId());
            throw e;
        }
        if (outcome.answered()) {
            talkEndedAt = clock.instant();
            recorder.recordAnswered(call.contactId(), r.counselorId(), talkEndedAt.minusSeconds(outcome.answeredSeconds()));
            router.callEnded(r.counselorId());
            return true;
        }
        recorder.recordOfferMissed(call.contactId(), r.counselorId(), outcome.dialStatus());
        router.missed(r.counselorId());
        return false;
    }

    private static String connectingPrompt(Category category) {
        return category == Category.CRISIS_INTERVENTION ? Prompts.CRISIS_CONNECTING : Prompts.CONNECTING;
    }

    /**
     * Nobody answered or nobody was free. A crisis goes straight to the fallback group (which
     * rings the on-call number) with a call-back recorded in case that fails too; others are
     * offered a call-back, and whoever stays on the line goes to the fallback group.
     */
    private void noCounselorTookTheCall(Category category) throws AgiException {
        boolean canCallBack = call.caller().isPresent();
        if (category == Category.CRISIS_INTERVENTION) {
            if (canCallBack) {
                recorder.recordCallbackRequested(call);
            }
            sendToFallback("crisis and no counselor took the call");
            return;
        }
        channel.streamFile(Prompts.ALL_BUSY);
        if (!canCallBack) {
            channel.streamFile(Prompts.CALLBACK_UNAVAILABLE);
            sendToFallback("no counselor free; anonymous caller cannot be called back");
            return;
        }
        char key = channel.streamFile(Prompts.OFFER_CALLBACK, "1");
        if (key == 0) {
            key = channel.waitForDigit(KEY_WAIT_MS);
        }
        if (key == '1') {
            recorder.recordCallbackRequested(call);
            channel.streamFile(Prompts.CALLBACK_CONFIRMED);
            channel.streamFile(Prompts.GOODBYE);
            finish(DialplanNames.RESULT_DONE);
        } else {
            sendToFallback("no counselor free; caller stayed on the line");
        }
    }

    private void sendToFallback(String reason) throws AgiException {
        if (call != null) {
            recorder.recordFallback(call.contactId(), reason);
        }
        finish(DialplanNames.RESULT_FALLBACK);
    }

    private void sendToFallbackQuietly(String reason) {
        try {
            finish(DialplanNames.RESULT_FALLBACK);
            if (call != null) {
                recorder.recordFallback(call.contactId(), reason);
            }
        } catch (Exception e) {
            // The dialplan treats a missing HOTLINE_RESULT as fallback too.
            log.warn("Could not mark call {} for fallback: {}", incoming.uniqueId(), e.toString());
        }
    }

    private void finish(String result) throws AgiException {
        channel.setVariable(DialplanNames.VAR_RESULT, result);
    }

    /** Records the end of the call; the caller may have hung up before the case lookup finished. */
    private void recordEnd() {
        try {
            InboundCall recorded = call != null ? call : lookup.get(10, TimeUnit.SECONDS);
            recorder.recordEnded(recorded.contactId(), talkEndedAt != null ? talkEndedAt : clock.instant());
        } catch (Exception e) {
            log.warn("Could not record the end of call {}: {}", incoming.uniqueId(), e.toString());
        }
    }
}
