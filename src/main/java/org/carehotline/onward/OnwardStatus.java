package org.carehotline.onward;

import java.util.List;

/**
 * Where an onward referral stands. A referral starts as {@link #SUGGESTED} (agreed with the
 * worker, not yet passed on) or {@link #MADE} (passed on to the organisation, e.g. during the
 * call); {@link #DECLINED}, {@link #COMPLETED} and {@link #NO_LONGER_NEEDED} are final. The moves
 * between them are the named actions of {@link OnwardAction}.
 */
public enum OnwardStatus {
    SUGGESTED,
    MADE,
    ACCEPTED,
    DECLINED,
    COMPLETED,
    NO_LONGER_NEEDED;

    /** The statuses a new referral may be recorded in. */
    public static final List<OnwardStatus> STARTING = List.of(SUGGESTED, MADE);

    /** No action leads out of a final status: a new attempt elsewhere is a new referral. */
    public boolean isFinal() {
        return OnwardAction.allowedFrom(this).isEmpty();
    }
}
