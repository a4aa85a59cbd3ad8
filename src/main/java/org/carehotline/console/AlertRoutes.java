package org.carehotline.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.carehotline.alerts.CrisisAlert;
import org.carehotline.alerts.CrisisAlerts;
import org.carehotline.cases.CaseVisibility;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Role;

/**
 * Crisis alerts on the console: stores each alert the live feed raises and tells the screens;
 * raises again the ones nobody acknowledged; serves the banner ({@code /alerts/banner}: every
 * open alert for supervisors and administrators, the alerts of calls that rang for a counselor
 * for that counselor) and the acknowledgement ({@code POST /alerts/:id/ack}, supervisors and
 * administrators), which lands in the audit log and on the case's timeline.
 */
final class AlertRoutes {

    private final Vertx vertx;
    private final Pages pages;
    private final Blocking blocking;
    private final CrisisAlerts alerts;
    private final Function<JsonObject, JsonObject> describe;
    private final LiveCalls calls;
    private final CaseVisibility visibility;
    private final Formats formats;
    private final Audit audit;

    /** @param describe blocking: adds the case id and number to an alert that names only a call */
    AlertRoutes(Vertx vertx, Pages pages, Blocking blocking, CrisisAlerts alerts,
                Function<JsonObject, JsonObject> describe, LiveCalls calls, CaseVisibility visibility,
                Formats formats, Audit audit) {
        this.vertx = vertx;
        this.pages = pages;
        this.blocking = blocking;
        this.alerts = alerts;
        this.describe = describe;
        this.calls = calls;
        this.visibility = visibility;
        this.formats = formats;
        this.audit = audit;
    }

    /** Listens for raised alerts and starts the re-raise sweep; call on a Vert.x context. */
    void start() {
        vertx.eventBus().<JsonObject>consumer(EventBusLiveFeed.CRISIS_RAISED, m -> blocking.run(() -> {
            JsonObject a = m.body().containsKey("caseNumber") ? m.body() : describe.apply(m.body());
            return alerts.raise(a.getString("caseId", ""), a.getString("caseNumber", ""),
                    a.getString("contactId", ""), a.getString("reason", ""), a.getString("level", ""));
        }).onSuccess(stored -> publish(stored, false)));
        vertx.setPeriodic(alerts.sweepEvery().toMillis(), id -> blocking.run(alerts::reraiseDue)
                .onSuccess(due -> due.forEach(a -> publish(a, true))));
    }

    private void publish(CrisisAlert a, boolean again) {
        vertx.eventBus().publish(EventBusLiveFeed.CRISIS, new JsonObject().put("alertId", a.id())
                .put("caseId", a.caseId()).put("caseNumber", a.caseNumber()).put("contactId", a.contactId())
                .put("reason", a.reason()).put("level", a.level()).put("again", again));
    }

    void mount(Router router, Access access) {
        router.get("/alerts/banner").handler(access.require()).handler(ctx -> pages.handle(ctx, request ->
                Reply.view("alerts-banner.ftlh").with("alerts", visibleTo(request.signedIn()))
                        .with("back", safeBack(request.param("back")))));
        router.post("/alerts/:id/ack").handler(access.require(Role.SUPERVISOR, Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::acknowledge));
    }

    private List<Map<String, Object>> visibleTo(User user) {
        return alerts.open().stream().filter(a -> user.seesAllCases() || rangFor(user, a)).map(this::row).toList();
    }

    /** A counselor sees the alert of a call their phone rang for. */
    private boolean rangFor(User user, CrisisAlert a) {
        return user.takesCalls() && !a.contactId().isEmpty()
                && (calls.wasOfferedTo(user.id(), a.contactId()) || visibility.wasOffered(a.contactId(), user.id()));
    }

    private Map<String, Object> row(CrisisAlert a) {
        return Map.of("id", a.id(), "caseId", a.caseId(), "caseNumber", a.caseNumber(), "reason", a.reason(),
                "level", a.level(), "raisedAt", formats.time(a.raisedAt()), "raises", a.raises());
    }

    private Reply acknowledge(Request request) {
        User user = request.signedIn();
        String id = request.path("id");
        alerts.acknowledge(id, user.id(), user.displayName()).ifPresent(a -> {
            audit.record(request, "crisis.acknowledged", a.caseNumber().isEmpty() ? a.id() : a.caseNumber(),
                    a.reason());
            vertx.eventBus().publish(EventBusLiveFeed.ACKNOWLEDGED, new JsonObject().put("alertId", a.id()));
        });
        return new Reply.Redirect(safeBack(request.param("back")));
    }

    /** Back to the page the banner was on; only a path of this site. */
    private static String safeBack(String back) {
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\")
                && back.chars().noneMatch(c -> c < 32);
        return local ? back : "/";
    }
}
