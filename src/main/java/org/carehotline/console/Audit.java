package org.carehotline.console;

import java.time.Clock;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.console.auth.User;

/** Writes the audit log from console requests: who, what, when, from where. Blocking. */
final class Audit {

    private final AuditLog log;
    private final Clock clock;

    Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void record(Request request, String action, String target, String detail) {
        User user = request.user().orElse(null);
        log.record(new AuditEntry(clock.instant(), user == null ? "" : user.id(), user == null ? "" : user.login(),
                action, target, detail, request.remote()));
    }

    /** For sign-in attempts, before anyone is signed in. */
    void recordAnonymous(Request request, String login, String action) {
        log.record(new AuditEntry(clock.instant(), "", login, action, login, "", request.remote()));
    }
}
