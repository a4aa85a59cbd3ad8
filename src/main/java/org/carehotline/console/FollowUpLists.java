package org.carehotline.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.console.auth.User;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpQueries;
import org.carehotline.followups.FollowUpRepository;

/**
 * Whose follow-ups a page lists, and the due list's sections. Views: {@code mine} (assigned to
 * me), {@code pool} (anyone's to take) and {@code team} (everyone's). A counselor or lawyer sees
 * in every view only follow-ups on cases they may open (the case page's rule); supervisors and
 * administrators see all. The integration API reads the team's list through {@link #sorted}. Blocking.
 */
public final class FollowUpLists {

    /** Open follow-ups by where they stand (see {@link #sections}), each list in due order. */
    public record Sorted(List<FollowUp> due, List<FollowUp> overdue, List<FollowUp> upcoming) {}

    static final List<String> VIEWS = List.of("mine", "pool", "team");
    /** A follow-up is "due now" for its first hour, then overdue. */
    static final Duration OVERDUE_AFTER = Duration.ofHours(1);
    /** How far ahead the due list looks; the calendar shows any week. */
    static final Duration UPCOMING = Duration.ofDays(14);
    private static final int MOST = 500;

    private final FollowUpQueries queries;
    private final CaseGuard guard;
    private final FollowUpRows rows;
    private final Clock clock;
    private final java.util.function.Function<FollowUp, org.carehotline.followups.CallingWindow> windows;

    FollowUpLists(FollowUpQueries queries, CaseGuard guard, FollowUpRows rows, Clock clock,
                  java.util.function.Function<FollowUp, org.carehotline.followups.CallingWindow> windows) {
        this.windows = windows;
        this.queries = queries;
        this.guard = guard;
        this.rows = rows;
        this.clock = clock;
    }

    /** The view asked for, or the user's natural one: their own list if they take calls, else the team's. */
    static String view(User user, String asked) {
        return VIEWS.contains(asked) ? asked : user.takesCalls() ? "mine" : "team";
    }

    static Optional<String> assignee(User user, String view) {
        return switch (view) {
            case "mine" -> Optional.of(user.id());
            case "pool" -> Optional.of(FollowUpRepository.ASSIGNEE_POOL);
            default -> Optional.empty();
        };
    }

    /** Only the follow-ups on cases this user may open. */
    List<FollowUp> visible(User user, List<FollowUp> all) {
        if (user.seesAllCases()) {
            return all;
        }
        Set<String> theirs = guard.visibility().caseIdsWorkedBy(user.id());
        return all.stream().filter(f -> user.worksCases() && theirs.contains(f.caseId())).toList();
    }

    /**
     * The due list: {@code due} (fell due within the last hour, and may be made now: at or past its
     * due time, inside the worker's calling window), {@code overdue} (longer ago, still
     * not made: waiting for a counselor, for the window or for a retry) and {@code upcoming} (the
     * next two weeks). A follow-up counts from when its current attempt fell due, so one waiting
     * overnight for the calling window shows as overdue, not as tomorrow's.
     */
    Map<String, List<Map<String, Object>>> sections(User user, String view) {
        Sorted sorted = sort(visible(user, queries.open(assignee(user, view), clock.instant().plus(UPCOMING), MOST)));
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("due", rows.rows(sorted.due(), user));
        sections.put("overdue", rows.rows(sorted.overdue(), user));
        sections.put("upcoming", rows.rows(sorted.upcoming(), user));
        return sections;
    }

    /**
     * The open follow-ups of the next two weeks on every case, sorted as the due list sorts
     * them, for {@code assignee} (a counselor id or {@code pool}; empty: everyone's).
     */
    public Sorted sorted(Optional<String> assignee) {
        return sort(queries.open(assignee, clock.instant().plus(UPCOMING), MOST));
    }

    private Sorted sort(List<FollowUp> open) {
        Instant now = clock.instant();
        List<FollowUp> due = new ArrayList<>();
        List<FollowUp> overdue = new ArrayList<>();
        List<FollowUp> upcoming = new ArrayList<>();
        for (FollowUp f : open) {
            if (f.attemptDueAt().isAfter(now) || f.dueAt().isAfter(now)) {
                upcoming.add(f); // not before its due time (a wait for the window moves the due time on)
            } else if (f.attemptDueAt().isBefore(now.minus(OVERDUE_AFTER))) {
                overdue.add(f);
            } else if (!windows.apply(f).contains(now)) {
                upcoming.add(f); // fell due, but the worker may not be called before the window opens
            } else {
                due.add(f);
            }
        }
        return new Sorted(due, overdue, upcoming);
    }
}
