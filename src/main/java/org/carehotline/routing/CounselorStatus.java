package org.carehotline.routing;

import java.time.Instant;
import org.carehotline.counselors.Counselor;

/**
 * One counselor as routing sees them: the phone's state from AMI, what routing has given them,
 * and since when they have been idle.
 */
public record CounselorStatus(Counselor counselor, DeviceState device, Assignment assignment, Instant idleSince) {

    /** What routing has given a counselor. */
    public enum Assignment { NONE, RINGING, ON_CALL }

    /** Free to be offered a call: phone idle and nothing assigned. */
    public boolean available() {
        return counselor.takesCalls() && device == DeviceState.NOT_INUSE && assignment == Assignment.NONE;
    }

    CounselorStatus with(DeviceState newDevice) {
        return new CounselorStatus(counselor, newDevice, assignment, idleSince);
    }

    CounselorStatus with(Assignment newAssignment, Instant newIdleSince) {
        return new CounselorStatus(counselor, device, newAssignment, newIdleSince);
    }
}
