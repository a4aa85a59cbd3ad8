package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.Optional;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.Role;
import org.carehotline.live.CallMonitor;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.routing.PresenceState;

/**
 * {@code POST /board/monitor}: a supervisor listens to, whispers to or joins a counselor's call
 * from the supervisor's own phone (set on their account).
 */
final class MonitorRoutes {

    private final Pages pages;
    private final CallMonitor monitor;
    private final CounselorRepository counselors;
    private final org.carehotline.routing.Router routing;
    private final Audit audit;

    MonitorRoutes(Pages pages, CallMonitor monitor, CounselorRepository counselors,
                  org.carehotline.routing.Router routing, Audit audit) {
        this.pages = pages;
        this.monitor = monitor;
        this.counselors = counselors;
        this.routing = routing;
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        router.post("/board/monitor").handler(access.require(Role.SUPERVISOR, Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::monitor));
    }

    private Reply monitor(Request request) {
        User user = request.signedIn();
        Optional<CallMonitor.Mode> mode = parse(request.param("mode"));
        Optional<CounselorStatus> target = routing.snapshot().stream()
                .filter(s -> s.counselor().id().equals(request.param("counselor"))).findFirst();
        String supervisorPhone = counselors.findByLogin(user.login()).map(Counselor::endpoint).orElse("");
        String problem = null;
        if (mode.isEmpty() || target.isEmpty()) {
            problem = "invalid";
        } else if (supervisorPhone.isEmpty()) {
            problem = "noPhone";
        } else if (routing.states().get(target.get().counselor().id()) != PresenceState.ON_CALL) {
            problem = "notOnCall";
        } else {
            try {
                monitor.monitor(supervisorPhone, target.get().counselor().endpoint(), mode.get());
                audit.record(request, "call.monitor." + mode.get().name().toLowerCase(java.util.Locale.ROOT),
                        target.get().counselor().login(), supervisorPhone);
                return new Reply.Redirect("/board?monitor=ringing");
            } catch (Exception e) {
                problem = "failed";
            }
        }
        // back to the board (a reload must not ring the phone again), saying what went wrong
        return new Reply.Redirect("/board?monitor=" + problem);
    }

    private static Optional<CallMonitor.Mode> parse(String mode) {
        try {
            return Optional.of(CallMonitor.Mode.valueOf(mode));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
