package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.cases.CaseQuery;
import org.carehotline.cases.CaseSearch;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Role;
import org.carehotline.routing.PresenceState;

/**
 * The counselor's one screen ({@code /}): their status, the caller's card (the current or most
 * recent call offered to them, so a reload loses nothing), the compact board and their latest
 * cases. Also the status actions and the card fragment the screen pop fetches.
 */
final class HomeRoutes {

    static final List<String> PAUSE_REASONS = List.of("break", "meal", "training", "paperwork", "other");

    private final Pages pages;
    private final org.carehotline.routing.Router routing;
    private final CallerCard card;
    private final BoardPanel board;
    private final CaseGuard guard;
    private final CaseSearch search;
    private final CaseRows rows;
    private final Audit audit;
    private final java.util.function.Supplier<org.carehotline.telephony.ami.AmiStatus> ami;

    HomeRoutes(Pages pages, org.carehotline.routing.Router routing, CallerCard card, BoardPanel board,
               CaseGuard guard, CaseSearch search, CaseRows rows, Audit audit,
               java.util.function.Supplier<org.carehotline.telephony.ami.AmiStatus> ami) {
        this.ami = ami;
        this.pages = pages;
        this.routing = routing;
        this.card = card;
        this.board = board;
        this.guard = guard;
        this.search = search;
        this.rows = rows;
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        router.get("/").handler(access.require()).handler(ctx -> pages.handle(ctx, this::home));
        router.post("/status").handler(access.require(Role.COUNSELOR, Role.LAWYER))
                .handler(ctx -> pages.handle(ctx, this::setStatus));
        router.get("/status/panel").handler(access.require(Role.COUNSELOR, Role.LAWYER)).handler(ctx -> pages.handle(
                ctx, request -> Reply.view("status-fragment.ftlh").with("status", status(request.signedIn()))));
        router.get("/my-cases").handler(access.require()).handler(ctx -> pages.handle(ctx, request ->
                Reply.view("my-cases-fragment.ftlh").with("cases", myCases(request.signedIn()))));
        router.get("/card/:contactId").handler(access.require(Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR,
                Role.ADMINISTRATOR)).handler(ctx -> pages.handle(ctx, this::cardFragment));
    }

    private Reply home(Request request) {
        User user = request.signedIn();
        Reply.View view = Reply.view("home.ftlh");
        if (user.takesCalls()) {
            view.with("status", status(user));
            // the live feed first: the last offer may not have reached the database yet
            Optional<String> last = guard.live().lastOfferedTo(user.id())
                    .or(() -> guard.visibility().lastOfferedContact(user.id()));
            view.with("card", last.flatMap(id -> card.model(user, id)).orElse(null));
            if (last.isPresent()) {
                audit.record(request, "card.read", last.get(), "on load");
            }
        }
        view.with("pauseReasons", PAUSE_REASONS);
        // union staff outside the hotline (referrers) do not watch the team's live state
        view.with("board", user.worksCases() ? board.model() : null);
        return view.with("cases", myCases(user));
    }

    /** The user's latest cases, as the desk lists them. */
    private List<Map<String, Object>> myCases(User user) {
        if (!user.worksCases()) {
            return List.of();
        }
        Optional<java.util.Set<String>> visible = user.seesAllCases() ? Optional.empty()
                : Optional.of(guard.visibility().caseIdsWorkedBy(user.id()));
        return rows.rows(search.search(CaseQuery.everything(), visible, 1, 10).cases(), user);
    }

    private Map<String, Object> status(User user) {
        PresenceState state = routing.states().getOrDefault(user.id(), PresenceState.OFFLINE);
        Optional<org.carehotline.routing.CounselorStatus> mine = routing.snapshot().stream()
                .filter(s -> s.counselor().id().equals(user.id())).findFirst();
        String reason = mine.flatMap(s -> s.console().pauseReason()).orElse("");
        boolean signedOut = mine.map(s -> !s.console().signedIn()).orElse(true);
        // offline although they asked for calls: say what stands in the way (no AMI link, phone not registered)
        String problem = state != PresenceState.OFFLINE ? ""
                : mine.flatMap(s -> StatusProblem.of(s, ami.get())).orElse(mine.isEmpty() ? "status.problem.noPhone" : "");
        String endpoint = mine.map(s -> s.counselor().endpoint()).orElse("");
        return Map.of("state", state.name(), "reason", reason, "signedOut", signedOut, "problem", problem,
                "endpoint", endpoint);
    }

    private Reply setStatus(Request request) {
        User user = request.signedIn();
        String action = request.param("action");
        switch (action) {
            case "available" -> {
                routing.signIn(user.id());
                routing.resume(user.id());
            }
            case "pause" -> {
                String reason = request.param("reason");
                routing.pause(user.id(), PAUSE_REASONS.contains(reason) ? reason : "other");
            }
            case "offline" -> routing.signOut(user.id());
            default -> {
                return new Reply.Redirect("/");
            }
        }
        audit.record(request, "status." + action, user.login(), request.param("reason"));
        return new Reply.Redirect("/");
    }

    private Reply cardFragment(Request request) {
        User user = request.signedIn();
        String contactId = request.path("contactId");
        Map<String, Object> model = card.model(user, contactId).orElseThrow(() -> new Reply.NotFound(contactId));
        audit.record(request, "card.read", contactId, "screen pop");
        return Reply.view("card-fragment.ftlh").with("card", model);
    }
}
