package org.carehotline.routing;

import java.util.Optional;
import org.carehotline.cases.Category;

/**
 * What a call needs from a counselor.
 *
 * @param dialect  the caller's dialect, from the dialect menu or their profile
 * @param urgent   crisis ("help now") or a caller flagged high-risk: served before everyone else
 * @param previousCounselorId the counselor who last talked with the caller
 */
public record CallNeeds(Category category, Optional<String> dialect, boolean urgent,
                        Optional<String> previousCounselorId) {

    /** A call with only a category: no dialect, not urgent (unless a crisis), no history. */
    public static CallNeeds of(Category category) {
        return new CallNeeds(category, Optional.empty(), category == Category.CRISIS_INTERVENTION, Optional.empty());
    }

    public CallNeeds escalated() {
        return new CallNeeds(Category.CRISIS_INTERVENTION, dialect, true, previousCounselorId);
    }
}
