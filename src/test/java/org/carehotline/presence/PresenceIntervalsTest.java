package org.carehotline.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.carehotline.routing.PresenceChange;
import org.carehotline.routing.PresenceState;
import org.junit.jupiter.api.Test;

/** Presence changes become intervals: one open per counselor, wrap-ups ending by themselves. */
class PresenceIntervalsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final PresenceIntervals intervals = new PresenceIntervals(() -> "i" + ids.incrementAndGet());

    private static PresenceChange change(PresenceState state, int second) {
        return new PresenceChange("a", state, "", T0.plusSeconds(second), Optional.empty());
    }

    private static IntervalWrite opened(String id, PresenceState state, String reason, int from, Integer endsAt) {
        return new IntervalWrite.Opened(new PresenceInterval(id, "a", state, reason, T0.plusSeconds(from),
                Optional.empty(), Optional.ofNullable(endsAt).map(T0::plusSeconds)));
    }

    private static IntervalWrite closed(String id, int at) {
        return new IntervalWrite.Closed(id, T0.plusSeconds(at));
    }

    @Test
    void eachChangeClosesTheOpenIntervalAndOpensTheNext() {
        assertEquals(List.of(opened("i1", PresenceState.AVAILABLE, "", 0, null)),
                intervals.apply(change(PresenceState.AVAILABLE, 0)));
        assertEquals(List.of(closed("i1", 60), opened("i2", PresenceState.PAUSED, "break", 60, null)),
                intervals.apply(new PresenceChange("a", PresenceState.PAUSED, "break", T0.plusSeconds(60),
                        Optional.empty())));
        assertEquals(List.of(closed("i2", 600)), intervals.apply(change(PresenceState.OFFLINE, 600)),
                "signed out: nothing opens");
        assertEquals(List.of(), intervals.apply(change(PresenceState.OFFLINE, 700)), "offline again: nothing to do");
    }

    @Test
    void aWrapUpEndsAtItsOwnTimeAndTheCounselorIsAvailableFromThen() {
        intervals.apply(change(PresenceState.ON_CALL, 0));
        intervals.apply(new PresenceChange("a", PresenceState.WRAP_UP, "", T0.plusSeconds(300),
                Optional.of(T0.plusSeconds(330))));
        assertEquals(List.of(), intervals.endWrapUps(T0.plusSeconds(329)), "not yet over");
        assertEquals(List.of(closed("i2", 330), opened("i3", PresenceState.AVAILABLE, "", 330, null)),
                intervals.endWrapUps(T0.plusSeconds(331)));
    }

    @Test
    void aChangeAfterAWrapUpThatEndedUnnoticedStillSplitsIt() {
        intervals.apply(new PresenceChange("a", PresenceState.WRAP_UP, "", T0, Optional.of(T0.plusSeconds(30))));
        assertEquals(List.of(closed("i1", 30), opened("i2", PresenceState.AVAILABLE, "", 30, null), closed("i2", 45),
                        opened("i3", PresenceState.RINGING, "", 45, null)),
                intervals.apply(change(PresenceState.RINGING, 45)));
    }

    @Test
    void aCleanShutdownClosesEverythingNowAndAClockSetBackNeverMakesAnIntervalEndBeforeItBegan() {
        intervals.apply(change(PresenceState.ON_CALL, 100));
        intervals.apply(new PresenceChange("b", PresenceState.AVAILABLE, "", T0.plusSeconds(50), Optional.empty()));
        assertEquals(List.of(closed("i1", 100), closed("i2", 80)), intervals.closeAll(T0.plusSeconds(80)));
        assertEquals(List.of(), intervals.closeAll(T0.plusSeconds(90)));
    }
}
