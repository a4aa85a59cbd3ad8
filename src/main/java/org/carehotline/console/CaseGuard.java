package org.carehotline.console;

import org.carehotline.cases.CaseVisibility;
import org.carehotline.console.auth.User;

/**
 * Who may open a case: supervisors and administrators all; counselors and lawyers those they
 * worked on; referrers none (they refer workers, they do not read case files). Blocking.
 */
final class CaseGuard {

    private final CaseVisibility visibility;

    CaseGuard(CaseVisibility visibility) {
        this.visibility = visibility;
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

    /** A call's card: also for the counselor whose phone rings for it, before they answered. */
    boolean maySeeCard(User user, String contactId, String caseId) {
        return maySee(user, caseId) || (user.takesCalls() && visibility.wasOffered(contactId, user.id()));
    }

    CaseVisibility visibility() {
        return visibility;
    }
}
