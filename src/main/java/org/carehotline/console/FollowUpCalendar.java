package org.carehotline.console;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.carehotline.console.auth.User;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpQueries;

/**
 * A week of follow-ups as a grid, Monday to Sunday in the hotline's zone, one row per hour:
 * the calling window's hours always, and any other hour something is due in. Blocking.
 */
final class FollowUpCalendar {

    /** The usual calling window's hours are always drawn, so weeks look alike. */
    private static final int FIRST_HOUR = 8;
    private static final int LAST_HOUR = 21;
    private static final int MOST = 2000;

    private final FollowUpQueries queries;
    private final FollowUpLists lists;
    private final FollowUpRows rows;
    private final ZoneId zone;
    private final Clock clock;

    FollowUpCalendar(FollowUpQueries queries, FollowUpLists lists, FollowUpRows rows, ZoneId zone, Clock clock) {
        this.queries = queries;
        this.lists = lists;
        this.rows = rows;
        this.zone = zone;
        this.clock = clock;
    }

    /** The Monday of the week holding {@code date} (2026-11-26), or of this week when it is empty or not a date. */
    LocalDate monday(String date) {
        LocalDate day;
        try {
            day = date.isEmpty() ? today() : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            day = today();
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A week's grid for the template, and its rows (for the audit log). */
    record Week(Map<String, Object> grid, List<Map<String, Object>> rows) {}

    /** The grid of the week starting {@code monday}, for {@code view} (see {@link FollowUpLists}). */
    Week week(User user, String view, LocalDate monday) {
        List<FollowUp> found = lists.visible(user, queries.dueBetween(monday.atStartOfDay(zone).toInstant(),
                monday.plusDays(7).atStartOfDay(zone).toInstant(), FollowUpLists.assignee(user, view), MOST));
        Map<String, List<Map<String, Object>>> cells = new LinkedHashMap<>();
        TreeSet<Integer> hours = new TreeSet<>();
        for (int h = FIRST_HOUR; h <= LAST_HOUR; h++) {
            hours.add(h);
        }
        List<Map<String, Object>> shown = rows.rows(found, user);
        for (Map<String, Object> row : shown) {
            hours.add((Integer) row.get("hour"));
            cells.computeIfAbsent(row.get("day") + "-" + row.get("hour"), k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            days.add(Map.of("date", day.toString(), "weekday", day.getDayOfWeek().getValue(),
                    "label", day.toString().substring(5), "today", day.equals(today())));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("days", days);
        model.put("hours", List.copyOf(hours));
        model.put("cells", cells);
        model.put("count", found.size());
        model.put("monday", monday.toString());
        model.put("prev", monday.minusWeeks(1).toString());
        model.put("next", monday.plusWeeks(1).toString());
        model.put("sunday", monday.plusDays(6).toString());
        return new Week(model, shown);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
