package org.carehotline.console;

import org.carehotline.cases.CaseVisibility;
import org.carehotline.console.auth.User;

/**
 * Who may open a case: supervisors and administrators all; counselors and lawyers those they
 * worked on; referrers none (they refer workers, they do not read case files). Blocking.
 */
final class CaseGuard {

    private final CaseVisibility visibility;
    private final LiveCalls live;

    CaseGuard(CaseVisibility visibility, LiveCalls live) {
        this.visibility = visibility;
        this.live = live;
    }

    boolean maySee(User user, String caseId) {
        return user.seesAllCases() || (user.worksCases() && visibility.workedOn(caseId, user.id()));
    }

    /** Throws {@link Reply.Forbidden} (the 403 page) unless the user may see the case. */
    void check(User user, String caseId) {
        if (!maySee(user, caseId)) {
            throw new Reply.Forbidden("case " + caseId + " for " + user.login());
        }
    }

    /**
     * A call's card: also for the counselor whose phone rings for it, before they answered. The
     * live feed is asked first: the pop reaches the browser before the offer reaches the
     * database (a crisis call, with no dialect menu, is dialed within milliseconds).
     */
    boolean maySeeCard(User user, String contactId, String caseId) {
        return maySee(user, caseId) || (user.takesCalls() && (live.wasOfferedTo(user.id(), contactId)
                || visibility.wasOffered(contactId, user.id())));
    }

    LiveCalls live() {
        return live;
    }

    CaseVisibility visibility() {
        return visibility;
    }
}
