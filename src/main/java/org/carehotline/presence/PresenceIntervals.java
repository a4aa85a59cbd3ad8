package org.carehotline.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.carehotline.routing.PresenceChange;
import org.carehotline.routing.PresenceState;

/**
 * Turns routing's presence changes into intervals: each change closes the counselor's open
 * interval and opens the next one (offline opens none: signed-out time is not logged). A
 * wrap-up ends by itself, without a change, so it is closed at its known end and followed by
 * an available interval. Pure and single-threaded: the {@link PresenceRecorder}'s flusher owns it.
 */
final class PresenceIntervals {

    private final Map<String, PresenceInterval> open = new HashMap<>();
    private final Supplier<String> ids;

    PresenceIntervals(Supplier<String> ids) {
        this.ids = ids;
    }

    /** The writes for one change, in order. */
    List<IntervalWrite> apply(PresenceChange change) {
        List<IntervalWrite> writes = new ArrayList<>();
        endWrapUp(change.counselorId(), change.at(), writes);
        PresenceInterval current = open.remove(change.counselorId());
        if (current != null) {
            writes.add(new IntervalWrite.Closed(current.id(), later(current.from(), change.at())));
        }
        if (change.state() != PresenceState.OFFLINE) {
            openInterval(change.counselorId(), change.state(), change.reason(), change.at(), change.wrapUpEnds(),
                    writes);
        }
        return writes;
    }

    /** Closes every wrap-up whose end has come by {@code now}; the counselor is available from its end. */
    List<IntervalWrite> endWrapUps(Instant now) {
        List<IntervalWrite> writes = new ArrayList<>();
        for (String counselorId : List.copyOf(open.keySet())) {
            endWrapUp(counselorId, now, writes);
        }
        return writes;
    }

    /** Closes every open interval at {@code at} (a clean shutdown: nothing is known after it). */
    List<IntervalWrite> closeAll(Instant at) {
        List<IntervalWrite> writes = endWrapUps(at);
        open.values().forEach(i -> writes.add(new IntervalWrite.Closed(i.id(), later(i.from(), at))));
        open.clear();
        return writes;
    }

    private void endWrapUp(String counselorId, Instant now, List<IntervalWrite> writes) {
        PresenceInterval current = open.get(counselorId);
        if (current == null || current.endsAt().isEmpty() || current.endsAt().get().isAfter(now)) {
            return;
        }
        Instant end = later(current.from(), current.endsAt().get());
        writes.add(new IntervalWrite.Closed(current.id(), end));
        openInterval(counselorId, PresenceState.AVAILABLE, "", end, Optional.empty(), writes);
    }

    private void openInterval(String counselorId, PresenceState state, String reason, Instant from,
                              Optional<Instant> endsAt, List<IntervalWrite> writes) {
        PresenceInterval next = new PresenceInterval(ids.get(), counselorId, state, reason, from, Optional.empty(),
                endsAt);
        open.put(counselorId, next);
        writes.add(new IntervalWrite.Opened(next));
    }

    /** A clock set back (in tests, or by NTP) never makes an interval end before it began. */
    private static Instant later(Instant a, Instant b) {
        return b.isBefore(a) ? a : b;
    }
}
