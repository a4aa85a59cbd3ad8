package org.carehotline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.counselors.Counselor;

/**
 * Chooses the counselor for one waiting call: a pure function of the call, how long it has
 * waited, the counselors' states and the rules, so every rule is tested without Asterisk or a
 * database.
 *
 * <p>Who may take the call: available, not already tried for this call, skill level above 0
 * for the category. A crisis goes to counselors with the crisis skill unless none is signed
 * in. Until the call has waited {@code widenSkillAfterSeconds}, the minimum skill level holds
 * and until {@code widenDialectAfterSeconds} the caller's dialect is required, each only if a
 * signed-in counselor could meet it (nobody waits for someone who is not there); urgent calls
 * skip both. The caller's previous counselor is exempt from both: continuity counts more.
 * Within {@code previousCounselorWaitSeconds}, a call whose previous counselor is
 * signed in waits for them. Among those who may: previous counselor, then dialect, then higher
 * skill, then the longest idle, then by id so the choice is stable.
 */
public final class RoutingPolicy {

    private final RoutingRules rules;

    public RoutingPolicy(RoutingRules rules) {
        this.rules = rules;
    }

    /** The counselor chosen and why, in words a supervisor can read on the contact. */
    public record Choice(CounselorStatus status, String reason) {}

    public Optional<Choice> choose(CallNeeds needs, Duration waited, Collection<CounselorStatus> counselors,
                                   Set<String> exclude, Instant now) {
        List<CounselorStatus> signedIn = counselors.stream()
                .filter(s -> s.state(now) != PresenceState.OFFLINE && !exclude.contains(s.counselor().id())).toList();
        Category skill = skillFor(needs.category(), signedIn);
        List<CounselorStatus> fit = signedIn.stream().filter(s -> s.counselor().skillLevel(skill) > 0).toList();
        List<String> notes = new ArrayList<>();
        Optional<CounselorStatus> previousFit = fit.stream().filter(s -> isPrevious(s.counselor(), needs)).findFirst();
        fit = requireMinimumLevel(needs, waited, skill, fit, notes);
        fit = requireDialect(needs, waited, fit, notes);
        if (rules.preferPreviousCounselor() && previousFit.isPresent() && !fit.contains(previousFit.get())) {
            fit = new ArrayList<>(fit);
            fit.add(previousFit.get());
        }
        Optional<CounselorStatus> previous = waitForPrevious(needs, waited, fit);
        if (previous.isPresent()) {
            fit = previous.get().available(now) ? List.of(previous.get()) : List.of();
            notes.add("waiting for previous counselor " + previous.get().counselor().login());
        }
        return fit.stream().filter(s -> s.available(now)).min(order(needs, skill))
                .map(s -> new Choice(s, explain(s, needs, skill, notes)));
    }

    /**
     * Why a call finds nobody: every signed-in counselor with the skill and their state, so a
     * supervisor can answer "why did this caller wait".
     */
    public String whyWaiting(CallNeeds needs, Collection<CounselorStatus> counselors, Instant now) {
        List<CounselorStatus> signedIn = counselors.stream().filter(s -> s.state(now) != PresenceState.OFFLINE).toList();
        Category skill = skillFor(needs.category(), signedIn);
        List<String> withSkill = signedIn.stream().filter(s -> s.counselor().skillLevel(skill) > 0)
                .map(s -> s.counselor().login() + " " + s.state(now)
                        + s.console().pauseReason().map(r -> " (" + r + ")").orElse(""))
                .toList();
        return withSkill.isEmpty() ? "nobody with " + skill + " is signed in"
                : "signed in with " + skill + ": " + String.join(", ", withSkill);
    }

    /** True when some signed-in counselor has the skill the call needs, free or not. */
    public boolean couldServe(CallNeeds needs, Collection<CounselorStatus> counselors, Instant now) {
        List<CounselorStatus> signedIn = counselors.stream().filter(s -> s.state(now) != PresenceState.OFFLINE).toList();
        Category skill = skillFor(needs.category(), signedIn);
        return signedIn.stream().anyMatch(s -> s.counselor().skillLevel(skill) > 0);
    }

    /**
     * True when the caller's answer to the dialect menu could change who is offered the call: among
     * the signed-in counselors with the skill (free or not), two of the menu's dialects (or one of
     * them and none) would leave different counselors in the running. A dialect nobody speaks
     * leaves everyone in, as {@link #choose} does. When the answer changes nothing the menu is not
     * worth the caller's seconds: the counselor can note the dialect on the card.
     */
    public boolean dialectCouldMatter(CallNeeds needs, Collection<String> dialects,
                                      Collection<CounselorStatus> counselors, Instant now) {
        if (!rules.preferDialect() && rules.widenDialectAfterSeconds() == 0) {
            return false;
        }
        List<CounselorStatus> signedIn = counselors.stream().filter(s -> s.state(now) != PresenceState.OFFLINE).toList();
        Category skill = skillFor(needs.category(), signedIn);
        List<Counselor> fit = signedIn.stream().filter(s -> s.counselor().skillLevel(skill) > 0)
                .map(CounselorStatus::counselor).toList();
        Set<Set<String>> outcomes = new java.util.HashSet<>();
        outcomes.add(ids(fit));
        for (String dialect : dialects) {
            List<Counselor> speakers = fit.stream().filter(c -> c.dialects().contains(dialect)).toList();
            outcomes.add(ids(speakers.isEmpty() ? fit : speakers));
        }
        return outcomes.size() > 1;
    }

    private static Set<String> ids(List<Counselor> counselors) {
        return counselors.stream().map(Counselor::id).collect(java.util.stream.Collectors.toSet());
    }

    /** Crisis calls need the crisis skill, unless no crisis counselor is signed in at all. */
    private static Category skillFor(Category category, List<CounselorStatus> signedIn) {
        boolean crisisCounselorSignedIn = signedIn.stream()
                .anyMatch(s -> s.counselor().skillLevel(Category.CRISIS_INTERVENTION) > 0);
        return category == Category.CRISIS_INTERVENTION && !crisisCounselorSignedIn
                ? Category.PSYCHOLOGICAL_SUPPORT : category;
    }

    private List<CounselorStatus> requireMinimumLevel(CallNeeds needs, Duration waited, Category skill,
                                                      List<CounselorStatus> fit, List<String> notes) {
        if (needs.urgent() || waited.toSeconds() >= rules.widenSkillAfterSeconds()) {
            return fit;
        }
        List<CounselorStatus> skilled = fit.stream()
                .filter(s -> s.counselor().skillLevel(skill) >= rules.minSkillLevel()).toList();
        if (skilled.isEmpty()) {
            return fit;
        }
        notes.add("skill level " + rules.minSkillLevel() + "+ required for " + rules.widenSkillAfterSeconds() + " s");
        return skilled;
    }

    private List<CounselorStatus> requireDialect(CallNeeds needs, Duration waited, List<CounselorStatus> fit,
                                                 List<String> notes) {
        if (needs.dialect().isEmpty() || needs.urgent() || waited.toSeconds() >= rules.widenDialectAfterSeconds()) {
            return fit;
        }
        List<CounselorStatus> speakers = fit.stream().filter(s -> speaks(s.counselor(), needs.dialect())).toList();
        if (speakers.isEmpty()) {
            return fit;
        }
        notes.add(needs.dialect().get() + " required for " + rules.widenDialectAfterSeconds() + " s");
        return speakers;
    }

    private Optional<CounselorStatus> waitForPrevious(CallNeeds needs, Duration waited, List<CounselorStatus> fit) {
        if (!rules.preferPreviousCounselor() || needs.urgent() || needs.previousCounselorId().isEmpty()
                || waited.toSeconds() >= rules.previousCounselorWaitSeconds()) {
            return Optional.empty();
        }
        return fit.stream().filter(s -> s.counselor().id().equals(needs.previousCounselorId().get())).findFirst();
    }

    private Comparator<CounselorStatus> order(CallNeeds needs, Category skill) {
        Comparator<CounselorStatus> order = Comparator.comparing(s -> 0);
        if (rules.preferPreviousCounselor()) {
            order = order.thenComparing(s -> !isPrevious(s.counselor(), needs));
        }
        if (rules.preferDialect()) {
            order = order.thenComparing(s -> !speaks(s.counselor(), needs.dialect()));
        }
        if (rules.preferHigherSkill()) {
            order = order.thenComparing(s -> -s.counselor().skillLevel(skill));
        }
        return order.thenComparing(CounselorStatus::idleSince).thenComparing(s -> s.counselor().id());
    }

    private static boolean isPrevious(Counselor c, CallNeeds needs) {
        return needs.previousCounselorId().map(c.id()::equals).orElse(false);
    }

    private static boolean speaks(Counselor c, Optional<String> dialect) {
        return dialect.map(c.dialects()::contains).orElse(false);
    }

    private String explain(CounselorStatus s, CallNeeds needs, Category skill, List<String> notes) {
        List<String> why = new ArrayList<>();
        why.add(s.counselor().login());
        if (isPrevious(s.counselor(), needs)) {
            why.add("previous counselor");
        }
        if (speaks(s.counselor(), needs.dialect())) {
            why.add("speaks " + needs.dialect().get());
        }
        why.add(skill + " level " + s.counselor().skillLevel(skill));
        why.add("idle since " + s.idleSince());
        if (skill != needs.category()) {
            why.add("no crisis counselor signed in");
        }
        why.addAll(notes);
        return String.join("; ", why);
    }
}
