package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.Clock;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Credentials;
import org.carehotline.counselors.Role;

/**
 * Sign-in lockouts on the accounts page: until when an account is locked, and
 * {@code POST /admin/counselors/:login/unlock} for an administrator to lift it (audited).
 */
final class AccountLocks {

    private final Pages pages;
    private final Credentials credentials;
    private final Audit audit;
    private final Formats formats;
    private final Clock clock;

    AccountLocks(Pages pages, Credentials credentials, Audit audit, Formats formats, Clock clock) {
        this.pages = pages;
        this.credentials = credentials;
        this.audit = audit;
        this.formats = formats;
        this.clock = clock;
    }

    void mount(Router router, Access access) {
        router.post("/admin/counselors/:login/unlock").handler(access.require(Role.ADMINISTRATOR))
                .handler(ctx -> pages.handle(ctx, this::unlock));
    }

    /** The time a locked account is locked until, as shown; "" when it is not locked now. Blocking. */
    String lockedUntil(String login) {
        return credentials.find(login).filter(s -> s.lockedAt(clock.instant())).flatMap(Credentials.Stored::lockedUntil)
                .map(formats::time).orElse("");
    }

    private Reply unlock(Request request) {
        String login = request.path("login");
        if (credentials.find(login).isEmpty()) {
            throw new Reply.NotFound(login);
        }
        credentials.unlock(login);
        audit.record(request, "account.unlock", login, "");
        return new Reply.Redirect("/admin/counselors").flash("saved.unlocked");
    }
}
