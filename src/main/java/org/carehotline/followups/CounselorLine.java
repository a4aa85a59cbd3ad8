package org.carehotline.followups;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.PresenceState;
import org.carehotline.routing.Reservation;
import org.carehotline.routing.Router;

/**
 * Follow-ups' view of the counselors: the live {@link Router}, so an outbound call never takes
 * a counselor an inbound caller could have, and never rings someone already on a call.
 * Quick and non-blocking, like the router.
 */
public final class CounselorLine {

    private final Router router;

    public CounselorLine(Router router) {
        this.router = router;
    }

    /** Holds the follow-up's counselor (its owner, or anyone fitting for the pool) if one is free now. */
    public Optional<Reservation> reserve(FollowUp f) {
        CallNeeds needs = new CallNeeds(f.category().orElse(Category.PSYCHOLOGICAL_SUPPORT), f.dialect(), f.highRisk(),
                Optional.empty());
        return router.reserveForFollowUp(needs, f.pooled() ? Set.of() : Set.of(f.assignee()), callKey(f.id()));
    }

    /** True when the counselor is signed in and not offline (on a call, in wrap-up, paused or free). */
    public boolean signedIn(String counselorId) {
        PresenceState state = router.states().get(counselorId);
        return state != null && state != PresenceState.OFFLINE;
    }

    /** The hold for this follow-up ends without a talk; {@code missed}: their phone rang unanswered. */
    public void released(String counselorId, String followUpId, boolean missed) {
        router.releaseFollowUp(counselorId, callKey(followUpId), missed);
    }

    public void answered(String counselorId, String followUpId) {
        router.answered(counselorId, callKey(followUpId));
    }

    public void ended(String counselorId, String followUpId, Duration talk) {
        router.callEnded(counselorId, callKey(followUpId), talk);
    }

    /** The router's key of a follow-up's call: holds for it are released only by it. */
    static String callKey(String followUpId) {
        return "followup:" + followUpId;
    }
}
