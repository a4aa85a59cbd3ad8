package org.carehotline.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.carehotline.cases.Category;
import org.carehotline.counselors.Counselor;

/**
 * Matching, for the {@link Router} and under its lock: waiting calls in queue order each get the
 * best available counselor by the {@link RoutingPolicy}, and the counselor is held for that
 * call. Not thread-safe.
 */
final class Matcher {

    private final Roster roster;
    private final RoutingPolicy policy;
    private final RoutingRules rules;

    Matcher(Roster roster, RoutingPolicy policy, RoutingRules rules) {
        this.roster = roster;
        this.policy = policy;
        this.rules = rules;
    }

    /** Offers available counselors to waiting calls in queue order; returns the calls that got one. */
    List<WaitingCall> match(TreeSet<WaitingCall> queue, Instant now) {
        if (queue.isEmpty() || !roster.anyAvailable(now)) {
            return List.of();
        }
        List<WaitingCall> woken = new ArrayList<>();
        // Categories some available counselor has a skill for: a waiting call needing another
        // one is skipped without running the policy (thousands may wait while a lawyer is free).
        Set<Category> offered = availableSkills(now);
        // the queue itself, not a copy: copying thousands of waiting calls for every freed
        // counselor cost more than the match (a shift starting frees hundreds at once)
        for (Iterator<WaitingCall> waiting = queue.iterator(); waiting.hasNext(); ) {
            WaitingCall call = waiting.next();
            if (!offered.contains(call.needs.category())
                    && !(call.needs.category() == Category.CRISIS_INTERVENTION
                    && offered.contains(Category.PSYCHOLOGICAL_SUPPORT))) {
                continue;
            }
            Optional<RoutingPolicy.Choice> choice = choose(call, now);
            if (choice.isEmpty()) {
                continue;
            }
            Counselor chosen = choice.get().status().counselor();
            roster.put(choice.get().status().ringing(call.callId, now));
            call.tried.put(chosen.id(), now);
            call.offer = Optional.of(new Reservation(chosen.id(), chosen.endpoint(), chosen.displayName(),
                    choice.get().reason(), call.callId));
            call.offeredNanos = System.nanoTime();
            waiting.remove();
            woken.add(call);
            if (!roster.anyAvailable(now)) {
                break;
            }
            offered = availableSkills(now);
        }
        return woken;
    }

    /**
     * The best counselor not yet tried for this call; when every fit was tried, one whose offer
     * is at least {@code missedRetrySeconds} old may have it again, so nobody waits for the
     * overflow while a fitting counselor shows available.
     */
    private Optional<RoutingPolicy.Choice> choose(WaitingCall call, Instant now) {
        Duration waited = Duration.between(call.arrivedAt, now);
        Optional<RoutingPolicy.Choice> choice = policy.choose(call.needs, waited, roster.statuses(),
                call.tried.keySet(), now);
        if (choice.isPresent() || call.tried.isEmpty()) {
            return choice;
        }
        Instant retryBefore = now.minusSeconds(rules.missedRetrySeconds());
        Set<String> recent = new HashSet<>();
        call.tried.forEach((id, at) -> {
            if (at.isAfter(retryBefore)) {
                recent.add(id);
            }
        });
        return recent.size() == call.tried.size() ? Optional.empty()
                : policy.choose(call.needs, waited, roster.statuses(), recent, now)
                        .map(c -> new RoutingPolicy.Choice(c.status(), c.reason() + "; offered again after a miss"));
    }

    private Set<Category> availableSkills(Instant now) {
        Set<Category> skills = EnumSet.noneOf(
                Category.class);
        for (CounselorStatus s : roster.statuses()) {
            if (s.available(now)) {
                s.counselor().skills().forEach((category, level) -> {
                    if (level > 0) {
                        skills.add(category);
                    }
                });
            }
        }
        return skills;
    }

    /**
     * Holds an available counselor for a follow-up unless a waiting caller needs them: nothing
     * while an urgent call waits, and nobody a waiting call could take (the skill for its
     * category, or its previous counselor). A named counselor needs only to be available.
     */
    Optional<Reservation> holdForFollowUp(TreeSet<WaitingCall> queue, CallNeeds needs, Set<String> onlyThese,
                                          String callKey, Instant now) {
        if (queue.stream().anyMatch(c -> c.needs.urgent())) {
            return Optional.empty();
        }
        List<CounselorStatus> free = roster.statuses().stream()
                .filter(s -> s.available(now) && queue.stream().noneMatch(c -> couldTake(s, c)))
                .filter(s -> onlyThese.isEmpty() || onlyThese.contains(s.counselor().id())).toList();
        Optional<RoutingPolicy.Choice> choice = onlyThese.isEmpty()
                ? policy.choose(needs, Duration.ZERO, free, Set.of(), now)
                : free.stream().findFirst().map(s -> new RoutingPolicy.Choice(s, "assigned counselor"));
        return choice.map(c -> {
            Counselor chosen = c.status().counselor();
            roster.put(c.status().ringing(callKey, now));
            return new Reservation(chosen.id(), chosen.endpoint(), chosen.displayName(), c.reason(), callKey);
        });
    }

    private static boolean couldTake(CounselorStatus s, WaitingCall call) {
        return s.counselor().skillLevel(call.needs.category()) > 0
                || call.needs.previousCounselorId().filter(s.counselor().id()::equals).isPresent();
    }
}
