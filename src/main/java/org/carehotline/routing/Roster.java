package org.carehotline.routing;

import java.time.Clock;
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
 * the {@link Router} guards it with its lock. Every status change that changes what a counselor
 * shows (state, pause reason, wrap-up end) is told to the {@link PresenceListener}, in order.
 */
final class Roster {

    private final Map<String, CounselorStatus> byId = new LinkedHashMap<>();
    private final Map<String, String> idByEndpoint = new HashMap<>();
    private final Clock clock;
    private final PresenceListener presence;
    /** What a counselor new to the roster has set at the desk, before they set anything. */
    private final ConsoleStatus firstConsole;

    Roster(Clock clock, PresenceListener presence, ConsoleStatus firstConsole) {
        this.clock = clock;
        this.presence = presence;
        this.firstConsole = firstConsole;
    }

    /** Replaces the counselors, keeping what is known of each one who stays. */
    void replace(List<Counselor> counselors, Instant now) {
        Map<String, CounselorStatus> previous = new HashMap<>(byId);
        byId.clear();
        idByEndpoint.clear();
        for (Counselor c : counselors) {
            CounselorStatus old = previous.remove(c.id());
            CounselorStatus status = old == null ? CounselorStatus.initial(c, firstConsole, now) : old.withCounselor(c);
            byId.put(c.id(), status);
            report(old, status);
            if (!c.endpoint().isEmpty()) {
                idByEndpoint.put(key(c.endpoint()), c.id());
            }
        }
        // whoever left the roster is no longer signed in anywhere routing can see
        previous.values().forEach(gone -> report(gone, gone.withConsole(ConsoleStatus.SIGNED_OUT)));
    }

    /** Applies a change to one counselor; false if there is no such counselor. */
    boolean update(String counselorId, UnaryOperator<CounselorStatus> change) {
        return byId.computeIfPresent(counselorId, (k, s) -> {
            CounselorStatus changed = change.apply(s);
            report(s, changed);
            return changed;
        }) != null;
    }

    void put(CounselorStatus status) {
        report(byId.put(status.counselor().id(), status), status);
    }

    /** Tells the listener when what the counselor shows changed; cheap, as it runs under the router's lock. */
    private void report(CounselorStatus before, CounselorStatus after) {
        if (presence == PresenceListener.NONE) {
            return;
        }
        Instant now = clock.instant();
        PresenceChange is = PresenceChange.of(after, now);
        if (before == null || !PresenceChange.of(before, now).sameAs(is)) {
            presence.presenceChanged(is);
        }
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

    Optional<CounselorStatus> status(String counselorId) {
        return Optional.ofNullable(byId.get(counselorId));
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
