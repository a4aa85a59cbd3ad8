package org.carehotline.routing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A counselor's presence state from {@code at} on, until the next change for the same counselor.
 * A wrap-up ends by itself with time, without a change: {@code wrapUpEnds} says when, and the
 * counselor is {@link PresenceState#AVAILABLE} from then on unless another change comes first.
 *
 * @param reason     the pause reason while {@link PresenceState#PAUSED}, else empty
 * @param wrapUpEnds when a {@link PresenceState#WRAP_UP} ends by itself; empty in other states
 */
public record PresenceChange(String counselorId, PresenceState state, String reason, Instant at,
                             Optional<Instant> wrapUpEnds) {

    /** The presence a status shows at {@code now}. */
    static PresenceChange of(CounselorStatus status, Instant now) {
        PresenceState state = status.state(now);
        String reason = state == PresenceState.PAUSED ? status.console().pauseReason().orElse("") : "";
        Optional<Instant> ends = state == PresenceState.WRAP_UP ? Optional.of(status.wrapUpUntil()) : Optional.empty();
        return new PresenceChange(status.counselor().id(), state, reason, now, ends);
    }

    /** The same state, reason and wrap-up end: nothing for a log to record. */
    boolean sameAs(PresenceChange other) {
        return state == other.state && reason.equals(other.reason) && Objects.equals(wrapUpEnds, other.wrapUpEnds);
    }
}
