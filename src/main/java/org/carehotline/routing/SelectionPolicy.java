package org.carehotline.routing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;

/**
 * Chooses the counselor for a call: a pure function of the call's needs and the counselors'
 * states, so every rule can be tested without Asterisk or a database.
 *
 * <p>Rules: only available counselors with skill level above 0 for the category; a crisis goes
 * to counselors with the crisis skill, unless none of them is signed in at all, in which case
 * any counselor with psychological-support skill takes it rather than nobody; among those, the
 * longest idle first (ties by id, so the choice is stable).
 */
final class SelectionPolicy {

    private SelectionPolicy() {
    }

    record Choice(CounselorStatus status, String reason) {}

    static Optional<Choice> choose(CallNeeds needs, Collection<CounselorStatus> all, Set<String> exclude) {
        Category category = needs.category();
        List<CounselorStatus> candidates = all.stream()
                .filter(s -> !exclude.contains(s.counselor().id()))
                .filter(CounselorStatus::available)
                .toList();
        boolean crisisFallback = category == Category.CRISIS_INTERVENTION && noCrisisCounselorSignedIn(all);
        Category skill = crisisFallback ? Category.PSYCHOLOGICAL_SUPPORT : category;
        String prefix = crisisFallback ? "crisis with no crisis counselor signed in; " : "";
        return candidates.stream()
                .filter(s -> s.counselor().skillLevel(skill) > 0)
                .min(Comparator.comparing(CounselorStatus::idleSince).thenComparing(s -> s.counselor().id()))
                .map(s -> new Choice(s, prefix + "longest idle with " + skill + " level "
                        + s.counselor().skillLevel(skill) + " (idle since " + s.idleSince() + ")"));
    }

    private static boolean noCrisisCounselorSignedIn(Collection<CounselorStatus> all) {
        return all.stream().noneMatch(s -> s.counselor().takesCalls() && s.device().signedIn()
                && s.counselor().skillLevel(Category.CRISIS_INTERVENTION) > 0);
    }
}
