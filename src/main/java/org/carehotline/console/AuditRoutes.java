package org.carehotline.console;

import io.vertx.ext.web.Router;
import org.carehotline.audit.AuditLog;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Role;
import org.carehotline.vocabulary.Vocabulary;

/**
 * {@code GET /audit}: the audit log, newest first, for administrators only. The log stores codes
 * (actions, {@code FAMILY REACHED}); the page shows them in its language, the code in a tooltip.
 */
final class AuditRoutes {

    private static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final AuditLog log;
    private final Formats formats;

    AuditRoutes(Pages pages, AuditLog log, Formats formats) {
        this.pages = pages;
        this.log = log;
        this.formats = formats;
    }

    void mount(Router router, Access access) {
        router.get("/audit").handler(access.require(Role.ADMINISTRATOR)).handler(ctx -> pages.handle(ctx, request -> {
            int page;
            try {
                page = Math.max(1, Integer.parseInt(request.param("page")));
            } catch (NumberFormatException e) {
                page = 1;
            }
            long pages = Math.max(1, (log.count() + PAGE_SIZE - 1) / PAGE_SIZE);
            return Reply.view("audit.ftlh").with("page", page).with("pages", pages)
                    .with("entries", log.recent(page, PAGE_SIZE).stream().map(e -> java.util.Map.of(
                            "at", formats.time(e.at()) + formats.clock(e.at()).substring(5), "login", e.login(),
                            "action", Vocabulary.AUDIT_ACTION.label(e.action(), request.lang()), "code", e.action(),
                            "target", e.target(), "detail", Vocabulary.describe(e.detail(), request.lang()),
                            "remote", Addresses.show(e.remote(), request.lang()))).toList());
        }));
    }
}
