package org.carehotline.presence;

import java.time.Instant;

/** What the presence log must store: an interval that began, or the end of one. */
sealed interface IntervalWrite {

    /** A new open interval. */
    record Opened(PresenceInterval interval) implements IntervalWrite {}

    /** The interval with this id ended at {@code to}. */
    record Closed(String id, Instant to) implements IntervalWrite {}
}
