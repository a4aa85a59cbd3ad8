package org.carehotline.telephony.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.Contact;
import org.carehotline.cases.FallbackCall;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.DeviceState;
import org.carehotline.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies AMI facts to presence and to contacts, so that counselors' states and call timing
 * stay true even for calls the AGI script did not see to the end (the caller hung up
 * mid-script, the server restarted). Runs on the AMI link's event thread.
 */
public final class CallTracker implements CallEvents {

    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
    /** How far back a reconnect looks for calls that ended while the link was down. */
    private static final Duration RECONCILE_WINDOW = Duration.ofHours(12);
    private static final int MAX_BRIDGES = 5000;

    /** Members of recent bridges; only the event thread touches it. */
    private final Map<String, List<String[]>> bridges = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String[]>> eldest) {
            return size() > MAX_BRIDGES;
        }
    };
    private final Router router;
    private final CallRecorder recorder;
    private final LiveFeed live;
    private final Clock clock;

    public CallTracker(Router router, CallRecorder recorder, LiveFeed live, Clock clock) {
        this.router = router;
        this.recorder = recorder;
        this.live = live;
        this.clock = clock;
    }

    @Override
    public void deviceState(String device, String state) {
        router.deviceStateChanged(device, DeviceState.parse(state));
    }

    /** The offered counselor's phone rings for the call routing placed: marks the offer (never adds one). */
    @Override
    public void dialBegan(String callerUniqueId, String destinationChannel, Instant at) {
        router.counselorForChannel(destinationChannel).ifPresent(counselor -> recorder
                .contactIdForChannel(callerUniqueId)
                .filter(contactId -> router.heldFor(counselor.id(), contactId))
                .ifPresent(contactId -> recorder.recordRinging(contactId, counselor.id(), at)));
    }

    /**
     * A caller and a counselor in one bridge are talking: the answer, even without a DialEnd
     * (a transfer, a call picked up by another phone). Remembers recent bridges only.
     */
    @Override
    public void bridgeEntered(String bridgeId, String uniqueId, String channel, Instant at) {
        List<String[]> members = bridges.computeIfAbsent(bridgeId, k -> new ArrayList<>());
        members.add(new String[] {uniqueId, channel});
        Optional<String> contactId = Optional.empty();
        Optional<String> counselorId = Optional.empty();
        for (String[] member : members) {
            contactId = contactId.or(() -> recorder.contactIdForChannel(member[0]));
            counselorId = counselorId.or(() -> router.counselorForChannel(member[1]).map(c -> c.id()));
        }
        if (contactId.isPresent() && counselorId.isPresent()) {
            answered(contactId.get(), counselorId.get(), at);
        }
    }

    /**
     * A dial ended. An answer is recorded on the caller's contact whoever dialed (the script or
     * the fallback group: Asterisk's time, Asterisk's phone); routing's "on a call" follows only
     * for the call the counselor is held for. A miss only closes an offer routing made.
     */
    @Override
    public void dialEnded(String callerUniqueId, String destinationChannel, String dialStatus, Instant at) {
        router.counselorForChannel(destinationChannel).ifPresent(counselor -> recorder
                .contactIdForChannel(callerUniqueId).ifPresent(contactId -> {
                    if ("ANSWER".equals(dialStatus)) {
                        answered(contactId, counselor.id(), at);
                    } else if (router.heldFor(counselor.id(), contactId)) {
                        recorder.recordOfferOutcome(contactId, counselor.id(), dialStatus);
                    }
                }));
    }

    private void answered(String contactId, String counselorId, Instant at) {
        boolean routed = router.heldFor(counselorId, contactId);
        router.answered(counselorId, contactId);
        recorder.recordAnswered(contactId, counselorId, at);
        if (routed) {
            live.callAnswered(counselorId, contactId);
        }
    }

    /** A call entered the fallback group: its contact shows it at once (Asterisk's record follows at the end). */
    @Override
    public void fallbackStarted(FallbackCall call) {
        recorder.recordFallbackCall(call, Optional.empty());
    }

    @Override
    public boolean fallbackEnded(FallbackCall call) {
        recorder.recordFallbackCall(call, answeredBy(call));
        return call.ended();
    }

    /**
     * Imports what the group handled while nobody listened. A call still up is recorded as far
     * as it got and kept for its end; one that is neither up nor ended (Asterisk stopped during
     * it, so the dialplan never wrote its end) ends at the login that found it.
     */
    @Override
    public List<String> fallbackBacklog(List<FallbackCall> calls, Set<String> liveUniqueIds) {
        List<String> recorded = new ArrayList<>();
        Instant now = clock.instant();
        for (FallbackCall call : calls) {
            boolean live = liveUniqueIds.contains(call.uniqueId());
            FallbackCall complete = call.ended() || live ? call : new FallbackCall(call.uniqueId(), call.channel(),
                    call.callerNumber(), call.contactId(), call.agiStatus(), call.startedAt(), call.answeredBy(),
                    call.answeredAt(), call.dialStatus(), Optional.of(now));
            String contactId = recorder.recordFallbackCall(complete, answeredBy(call));
            if (complete.ended()) {
                recorded.add(call.uniqueId());
            }
            if (!call.ended() && !live) {
                recorder.log(contactId, now, "fallback call no longer up and its end unrecorded (Asterisk restarted?)");
            }
        }
        if (!calls.isEmpty()) {
            log.info("AMI login: {} fallback call(s) from AstDB, {} complete", calls.size(), recorded.size());
        }
        return recorded;
    }

    private Optional<String> answeredBy(FallbackCall call) {
        return call.answeredBy().flatMap(router::counselorForChannel).map(c -> c.id());
    }

    @Override
    public void hangup(String uniqueId, Instant at) {
        recorder.contactIdForChannel(uniqueId).ifPresent(contactId -> recorder.recordEnded(contactId, at));
    }

    @Override
    public void resynchronized(Set<String> liveUniqueIds, Instant snapshotAt) {
        Instant now = clock.instant();
        int closed = 0;
        for (Contact contact : recorder.unfinishedCalls(snapshotAt.minus(RECONCILE_WINDOW), snapshotAt)) {
            if (!contact.uniqueId().isEmpty() && !liveUniqueIds.contains(contact.uniqueId())) {
                recorder.recordEnded(contact.id(), now);
                closed++;
            }
        }
        if (closed > 0) {
            log.info("AMI resynchronized: {} call(s) had ended while the link was down", closed);
        }
    }
}
