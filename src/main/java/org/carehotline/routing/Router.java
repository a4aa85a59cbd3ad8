package org.carehotline.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.counselors.Counselor;
import org.carehotline.routing.CounselorStatus.Assignment;

/**
 * The live truth about counselors (phone states from AMI, calls routing gave them) and the
 * one place that hands a counselor to a call. Reserving is atomic, so a counselor is never
 * offered two calls at once. Thread-safe; every method is quick and never blocks on I/O, so
 * AMI listeners and AGI sessions may call it directly.
 */
public final class Router {

    private final Clock clock;
    private final Map<String, CounselorStatus> byId = new LinkedHashMap<>();
    private final Map<String, String> idByEndpoint = new HashMap<>();

    public Router(Clock clock) {
        this.clock = clock;
    }

    /** Replaces the roster (at startup and when accounts change), keeping known phone states. */
    public synchronized void setCounselors(List<Counselor> counselors) {
        Map<String, CounselorStatus> previous = new HashMap<>(byId);
        byId.clear();
        idByEndpoint.clear();
        Instant now = clock.instant();
        for (Counselor c : counselors) {
            CounselorStatus old = previous.get(c.id());
            byId.put(c.id(), old == null
                    ? new CounselorStatus(c, DeviceState.UNKNOWN, Assignment.NONE, now)
                    : new CounselorStatus(c, old.device(), old.assignment(), old.idleSince()));
            if (!c.endpoint().isEmpty()) {
                idByEndpoint.put(key(c.endpoint()), c.id());
            }
        }
    }

    /**
     * Asterisk reported a device state. Unknown devices are ignored.
     *
     * @param device e.g. {@code PJSIP/6001}
     */
    public synchronized void deviceStateChanged(String device, DeviceState state) {
        String id = idByEndpoint.get(key(device));
        if (id != null) {
            byId.computeIfPresent(id, (k, s) -> s.with(state));
        }
    }

    /** The counselor whose phone is this endpoint or one of its channels ({@code PJSIP/6001-0000002a}). */
    public synchronized Optional<Counselor> counselorForChannel(String channel) {
        if (channel == null) {
            return Optional.empty();
        }
        int dash = channel.lastIndexOf('-');
        String endpoint = dash > channel.indexOf('/') ? channel.substring(0, dash) : channel;
        return Optional.ofNullable(idByEndpoint.get(key(endpoint))).map(id -> byId.get(id).counselor());
    }

    /** Picks and holds the best available counselor for the call, skipping {@code exclude}. */
    public synchronized Optional<Reservation> reserve(CallNeeds needs, Set<String> exclude) {
        return SelectionPolicy.choose(needs, byId.values(), exclude).map(choice -> {
            CounselorStatus s = choice.status();
            byId.put(s.counselor().id(), s.with(Assignment.RINGING, s.idleSince()));
            return new Reservation(s.counselor().id(), s.counselor().endpoint(), s.counselor().displayName(),
                    choice.reason());
        });
    }

    /** The reserved counselor answered. */
    public synchronized void answered(String counselorId) {
        byId.computeIfPresent(counselorId, (k, s) -> s.with(Assignment.ON_CALL, s.idleSince()));
    }

    /** The counselor did not answer: free again, keeping their place in the idle order. */
    public synchronized void missed(String counselorId) {
        byId.computeIfPresent(counselorId, (k, s) -> s.with(Assignment.NONE, s.idleSince()));
    }

    /** The counselor's call ended: free again, idle from now. */
    public synchronized void callEnded(String counselorId) {
        byId.computeIfPresent(counselorId, (k, s) -> s.with(Assignment.NONE, clock.instant()));
    }

    /** A copy of every counselor's status, in roster order. */
    public synchronized List<CounselorStatus> snapshot() {
        return new ArrayList<>(byId.values());
    }

    private static String key(String endpoint) {
        return endpoint.toUpperCase(Locale.ROOT);
    }
}
