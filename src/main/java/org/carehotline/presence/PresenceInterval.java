package org.carehotline.presence;

import java.time.Instant;
import java.util.Optional;
import org.carehotline.routing.PresenceState;

/**
 * One stretch of time a counselor spent in one presence state: a row of the presence log.
 *
 * @param reason the pause reason while {@link PresenceState#PAUSED}, else empty
 * @param to     when it ended; empty while it lasts
 * @param endsAt when it ends by itself (a wrap-up), so that a crash cannot leave it open past that
 */
public record PresenceInterval(String id, String counselorId, PresenceState state, String reason, Instant from,
                               Optional<Instant> to, Optional<Instant> endsAt) {
}
