package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Role;

/**
 * The follow-up pages: the due list ({@code /followups}: due now, overdue, upcoming) and the
 * week calendar ({@code /followups/calendar?week=2026-11-23}), each for me, the pool or the
 * team. Reading them is audited with the case numbers shown.
 */
final class FollowUpListRoutes {

    private final Pages pages;
    private final FollowUpLists lists;
    private final FollowUpCalendar calendar;
    private final Audit audit;

    FollowUpListRoutes(Pages pages, FollowUpLists lists, FollowUpCalendar calendar, Audit audit) {
        this.pages = pages;
        this.lists = lists;
        this.calendar = calendar;
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        Role[] workers = {Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR, Role.ADMINISTRATOR};
        router.get("/followups").handler(access.require(workers)).handler(ctx -> pages.handle(ctx, this::dueList));
        router.get("/followups/calendar").handler(access.require(workers))
                .handler(ctx -> pages.handle(ctx, this::week));
    }

    private Reply dueList(Request request) {
        User user = request.signedIn();
        String view = FollowUpLists.view(user, request.param("view"));
        Map<String, List<Map<String, Object>>> sections = lists.sections(user, view);
        audit.record(request, "followups.list", view, caseNumbers(sections.values().stream()
                .flatMap(List::stream).toList()));
        return Reply.view("followups.ftlh").with("view", view).with("views", FollowUpLists.VIEWS)
                .with("sections", sections);
    }

    private Reply week(Request request) {
        User user = request.signedIn();
        String view = FollowUpLists.view(user, request.param("view"));
        LocalDate monday = calendar.monday(request.param("week"));
        FollowUpCalendar.Week week = calendar.week(user, view, monday);
        audit.record(request, "followups.calendar", view + " " + monday, caseNumbers(week.rows()));
        return Reply.view("followups-calendar.ftlh").with("view", view).with("views", FollowUpLists.VIEWS)
                .with("cal", week.grid());
    }

    /** The case numbers a page showed, for the audit log. */
    private static String caseNumbers(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> String.valueOf(r.get("caseNumber"))).distinct().sorted()
                .collect(Collectors.joining(","));
    }
}
