package org.carehotline.routing;

import java.time.Instant;
import org.carehotline.counselors.Counselor;

/**
 * One counselor as routing sees them: the phone's state from AMI, what they set on the
 * console, the call routing gave them, when their wrap-up ends, since when they have been
 * idle, and how many offers in a row they missed. {@link #state(Instant)} derives the one
 * presence state from all of it.
 */
public record CounselorStatus(
        Counselor counselor,
        DeviceState device,
        ConsoleStatus console,
        Assignment assignment,
        Instant wrapUpUntil,
        Instant idleSince,
        int consecutiveMisses) {

    /** What routing has given a counselor. */
    public enum Assignment { NONE, RINGING, ON_CALL }

    static CounselorStatus initial(Counselor counselor, Instant now) {
        return new CounselorStatus(counselor, DeviceState.UNKNOWN, ConsoleStatus.READY, Assignment.NONE, now, now, 0);
    }

    public PresenceState state(Instant now) {
        if (!counselor.takesCalls() || !console.signedIn() || !device.signedIn()) {
            return PresenceState.OFFLINE;
        }
        if (assignment == Assignment.RINGING) {
            return PresenceState.RINGING;
        }
        if (assignment == Assignment.ON_CALL || device != DeviceState.NOT_INUSE) {
            return PresenceState.ON_CALL;
        }
        if (console.pauseReason().isPresent()) {
            return PresenceState.PAUSED;
        }
        return now.isBefore(wrapUpUntil) ? PresenceState.WRAP_UP : PresenceState.AVAILABLE;
    }

    /** Free to be offered a call now. */
    public boolean available(Instant now) {
        return state(now) == PresenceState.AVAILABLE;
    }

    CounselorStatus withCounselor(Counselor newCounselor) {
        return new CounselorStatus(newCounselor, device, console, assignment, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus withDevice(DeviceState newDevice) {
        return new CounselorStatus(counselor, newDevice, console, assignment, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus withConsole(ConsoleStatus newConsole) {
        return new CounselorStatus(counselor, device, newConsole, assignment, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus ringing() {
        return new CounselorStatus(counselor, device, console, Assignment.RINGING, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus answered() {
        return new CounselorStatus(counselor, device, console, Assignment.ON_CALL, wrapUpUntil, idleSince, 0);
    }

    /** Missed an offer: free again, keeping their place in the idle order, one more miss counted. */
    CounselorStatus missed() {
        return new CounselorStatus(counselor, device, console, Assignment.NONE, wrapUpUntil, idleSince,
                consecutiveMisses + 1);
    }

    /** An offer withdrawn before the phone was dialed (the caller left): free again, no miss counted. */
    CounselorStatus released() {
        return new CounselorStatus(counselor, device, console, Assignment.NONE, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus withMissesCleared() {
        return new CounselorStatus(counselor, device, console, assignment, wrapUpUntil, idleSince, 0);
    }

    /** A call ended at {@code at}: wrap-up until {@code wrapUpUntil}, idle from then. */
    CounselorStatus callEnded(Instant wrapUpEnds) {
        return new CounselorStatus(counselor, device, console, Assignment.NONE, wrapUpEnds, wrapUpEnds, 0);
    }
}
