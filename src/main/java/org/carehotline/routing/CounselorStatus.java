package org.carehotline.routing;

import java.time.Instant;
import org.carehotline.counselors.Counselor;

/**
 * One counselor as routing sees them: the phone's state from AMI, what they set on the
 * console, the call routing gave them, when their wrap-up ends, since when they have been
 * idle, and how many offers in a row they missed. {@link #state(Instant)} derives the one
 * presence state from all of it.
 *
 * <p>An assignment (ringing, on a call) belongs to one call, {@code callKey}, set at
 * {@code assignedAt}: only that call's end or release clears it. A phone busy with anything
 * else (an internal call, a ring-group answer, a transfer) shows as on a call through its
 * device state alone, and is free again when Asterisk says the phone is idle.
 */
public record CounselorStatus(
        Counselor counselor,
        DeviceState device,
        ConsoleStatus console,
        Assignment assignment,
        String callKey,
        Instant assignedAt,
        Instant wrapUpUntil,
        Instant idleSince,
        int consecutiveMisses) {

    /** What routing has given a counselor. */
    public enum Assignment { NONE, RINGING, ON_CALL }

    static CounselorStatus initial(Counselor counselor, ConsoleStatus console, Instant now) {
        return new CounselorStatus(counselor, DeviceState.UNKNOWN, console, Assignment.NONE, "", now, now, now, 0);
    }

    public PresenceState state(Instant now) {
        if (!counselor.takesCalls() || !console.signedIn() || !device.signedIn()) {
            return PresenceState.OFFLINE;
        }
        if (assignment == Assignment.RINGING && (device == DeviceState.NOT_INUSE || device == DeviceState.RINGING)) {
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
        return new CounselorStatus(newCounselor, device, console, assignment, callKey, assignedAt, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus withDevice(DeviceState newDevice) {
        return new CounselorStatus(counselor, newDevice, console, assignment, callKey, assignedAt, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    CounselorStatus withConsole(ConsoleStatus newConsole) {
        return new CounselorStatus(counselor, device, newConsole, assignment, callKey, assignedAt, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    /** True while the counselor is held (ringing or talking) for this call. */
    public boolean heldFor(String call) {
        return assignment != Assignment.NONE && callKey.equals(call);
    }

    CounselorStatus ringing(String call, Instant at) {
        return new CounselorStatus(counselor, device, console, Assignment.RINGING, call, at, wrapUpUntil, idleSince,
                consecutiveMisses);
    }

    /** Talking on the call they were held for; any other call's answer changes nothing. */
    CounselorStatus answered(String call) {
        if (!heldFor(call)) {
            return this;
        }
        return new CounselorStatus(counselor, device, console, Assignment.ON_CALL, call, assignedAt, wrapUpUntil,
                idleSince, 0);
    }

    /** Missed an offer: free again, keeping their place in the idle order, one more miss counted. */
    CounselorStatus missed(String call) {
        if (!heldFor(call)) {
            return this;
        }
        return new CounselorStatus(counselor, device, console, Assignment.NONE, "", assignedAt, wrapUpUntil,
                idleSince, consecutiveMisses + 1);
    }

    /** An offer withdrawn before the phone was dialed (the caller left): free again, no miss counted. */
    CounselorStatus released(String call) {
        if (!heldFor(call)) {
            return this;
        }
        return new CounselorStatus(counselor, device, console, Assignment.NONE, "", assignedAt, wrapUpUntil,
                idleSince, consecutiveMisses);
    }

    /**
     * Asterisk says the phone is idle again after a call: a talk routing placed is over, so the
     * wrap-up starts now (the session's own end report then changes nothing).
     */
    CounselorStatus phoneHungUp(DeviceState before, Instant wrapUpEnds) {
        boolean wasBusy = before == DeviceState.INUSE || before == DeviceState.BUSY || before == DeviceState.ONHOLD
                || before == DeviceState.RINGINUSE;
        // a ringing hold whose phone was in use had been answered, even if the answer event was lost
        if (assignment != Assignment.NONE && wasBusy && device == DeviceState.NOT_INUSE) {
            return callEnded(callKey, wrapUpEnds);
        }
        return this;
    }

    /**
     * A ringing hold older than {@code timeout} while the phone is not in use: nothing dialed or
     * answered it, so it is released. A phone in use is a talk whose answer event was lost: it
     * ends when the phone is put down ({@link #phoneHungUp}).
     */
    boolean ringingExpired(Instant now, java.time.Duration timeout) {
        boolean inUse = device == DeviceState.INUSE || device == DeviceState.BUSY || device == DeviceState.ONHOLD
                || device == DeviceState.RINGINUSE;
        return assignment == Assignment.RINGING && !inUse && !assignedAt.plus(timeout).isAfter(now);
    }

    CounselorStatus withMissesCleared() {
        return new CounselorStatus(counselor, device, console, assignment, callKey, assignedAt, wrapUpUntil, idleSince, 0);
    }

    /** The call they were held for ended: wrap-up until {@code wrapUpEnds}, idle from then. */
    CounselorStatus callEnded(String call, Instant wrapUpEnds) {
        if (!heldFor(call)) {
            return this;
        }
        return new CounselorStatus(counselor, device, console, Assignment.NONE, "", assignedAt, wrapUpEnds,
                wrapUpEnds, 0);
    }
}
