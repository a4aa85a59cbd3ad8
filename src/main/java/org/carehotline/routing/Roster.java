package org.carehotline.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.carehotline.counselors.Counselor;

/**
 * The counselors routing knows, their statuses, and which phone is whose. Not thread-safe:
 * the {@link Router} guards it with its lock.
 */
final class Roster {

    private final Map<String, CounselorStatus> byId = new LinkedHashMap<>();
    private final Map<String, String> idByEndpoint = new HashMap<>();

    /** Replaces the counselors, keeping what is known of each one who stays. */
    void replace(List<Counselor> counselors, Instant now) {
        Map<String, CounselorStatus> previous = new HashMap<>(byId);
        byId.clear();
        idByEndpoint.clear();
        for (Counselor c : counselors) {
            CounselorStatus old = previous.get(c.id());
            byId.put(c.id(), old == null ? CounselorStatus.initial(c, now) : old.withCounselor(c));
            if (!c.endpoint().isEmpty()) {
                idByEndpoint.put(key(c.endpoint()), c.id());
            }
        }
    }

    /** Applies a change to one counselor; false if there is no such counselor. */
    boolean update(String counselorId, UnaryOperator<CounselorStatus> change) {
        return byId.computeIfPresent(counselorId, (k, s) -> change.apply(s)) != null;
    }

    void put(CounselorStatus status) {
        byId.put(status.counselor().id(), status);
    }

    Optional<String> idForEndpoint(String endpoint) {
        return Optional.ofNullable(idByEndpoint.get(key(endpoint)));
    }

    /** The counselor whose phone is this endpoint or one of its channels ({@code PJSIP/6001-0000002a}). */
    Optional<Counselor> counselorForChannel(String channel) {
        int dash = channel.lastIndexOf('-');
        String endpoint = dash > channel.indexOf('/') ? channel.substring(0, dash) : channel;
        return idForEndpoint(endpoint).map(id -> byId.get(id).counselor());
    }

    Collection<CounselorStatus> statuses() {
        return byId.values();
    }

    boolean anyAvailable(Instant now) {
        return byId.values().stream().anyMatch(s -> s.available(now));
    }

    List<CounselorStatus> copy() {
        return new ArrayList<>(byId.values());
    }

    Map<String, PresenceState> states(Instant now) {
        Map<String, PresenceState> states = new LinkedHashMap<>();
        byId.forEach((id, s) -> states.put(id, s.state(now)));
        return states;
    }

    private static String key(String endpoint) {
        return endpoint.toUpperCase(Locale.ROOT);
    }
}
