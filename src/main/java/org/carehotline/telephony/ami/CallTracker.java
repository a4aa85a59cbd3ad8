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
import org.carehotline.cases.IncomingCall;
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

    /**
     * Records who was rung for a call, when our script did not (the dialplan's fallback ring
     * group rings every phone itself): one offer per phone, without a duplicate for an offer the
     * script already recorded.
     */
    @Override
    public void dialBegan(String callerUniqueId, String destinationChannel, Instant at) {
        router.counselorForChannel(destinationChannel).ifPresent(counselor -> recorder
                .contactIdForChannel(callerUniqueId)
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
            router.answered(counselorId.get());
            recorder.recordAnswered(contactId.get(), counselorId.get(), at);
        }
    }

    @Override
    public void dialEnded(String callerUniqueId, String destinationChannel, String dialStatus, Instant at) {
        if (!"ANSWER".equals(dialStatus)) {
            router.counselorForChannel(destinationChannel).ifPresent(counselor -> recorder
                    .contactIdForChannel(callerUniqueId)
                    .ifPresent(contactId -> recorder.recordOfferOutcome(contactId, counselor.id(), dialStatus)));
            return;
        }
        router.counselorForChannel(destinationChannel).ifPresent(counselor -> {
            router.answered(counselor.id());
            recorder.contactIdForChannel(callerUniqueId).ifPresent(contactId -> {
                recorder.recordAnswered(contactId, counselor.id(), at);
                live.callAnswered(counselor.id(), contactId);
            });
        });
    }

    /**
     * A call in the fallback group becomes (or stays) a contact: the script's own contact when it
     * had made one, else a new contact on the caller's case, as if the call had come in here.
     * Who answered is then learned from DialEnd, and the end from Hangup, like any call.
     */
    @Override
    public void fallbackStarted(String uniqueId, String channel, String callerNumber, String contactId,
                                String agiStatus, Instant at) {
        String id = !contactId.isEmpty() ? contactId : recorder.contactIdForChannel(uniqueId).orElseGet(() ->
                recorder.startInbound(new IncomingCall(uniqueId, channel, callerNumber, at)).contactId());
        recorder.recordFallback(id, "dialplan fallback group (AGISTATUS " + (agiStatus.isEmpty() ? "?" : agiStatus)
                + ")");
    }

    @Override
    public void fallbackEnded(String uniqueId, String dialStatus, long answeredSeconds, Instant at) {
        recorder.contactIdForChannel(uniqueId).ifPresent(contactId -> {
            recorder.log(contactId, "fallback group ended: " + dialStatus + ", answered " + answeredSeconds + " s");
            if ("ANSWER".equals(dialStatus)) {
                recorder.recordAnswered(contactId, CallRecorder.FALLBACK_GROUP, at.minusSeconds(answeredSeconds));
            }
            recorder.recordEnded(contactId, at);
        });
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
