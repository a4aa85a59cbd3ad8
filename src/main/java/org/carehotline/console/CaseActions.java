package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.util.function.BiFunction;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseWork;
import org.carehotline.console.auth.Access;
import org.carehotline.counselors.Role;

/**
 * What the case page's feature routes (onward referrals, the emergency record) share: a POST
 * under {@code /cases/{id}/} for the roles that do case work, which loads the case and checks
 * that the user may see it before the handler runs; and the two answers, the page again with
 * the form's messages next to its fields (422), or back to the page after a save.
 */
final class CaseActions {

    /** Referrers are left out: they refer workers, they do not read or write case files. */
    static final Role[] CASE_WORKERS = {Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR, Role.ADMINISTRATOR};

    private final Pages pages;
    private final CasePage page;
    private final CaseWork work;
    private final CaseGuard guard;

    CaseActions(Pages pages, CasePage page, CaseWork work, CaseGuard guard) {
        this.pages = pages;
        this.page = page;
        this.work = work;
        this.guard = guard;
    }

    /** Mounts {@code POST /cases/:id/<action>} for case workers; the handler gets the case only after the checks. */
    void post(Router router, Access access, String action, BiFunction<Request, CaseFile, Reply> handler) {
        post(router, access, CASE_WORKERS, action, handler);
    }

    /** The same for the given roles only. */
    void post(Router router, Access access, Role[] roles, String action, BiFunction<Request, CaseFile, Reply> handler) {
        router.post("/cases/:id/" + action).handler(access.require(roles))
                .handler(ctx -> pages.handle(ctx, request -> handler.apply(request, load(request))));
    }

    /** The case of the request, after the access check: 404 when there is none, 403 when not the user's. */
    CaseFile load(Request request) {
        String caseId = request.path("id");
        CaseFile file = work.find(caseId).orElseThrow(() -> new Reply.NotFound(caseId));
        guard.check(request.signedIn(), caseId);
        return file;
    }

    /** The case page again with the form's messages and what was typed; nothing was saved. */
    Reply.View again(Request request, CaseFile file, String formName, Form checked) {
        return page.view(request.signedIn(), file).with("errors", checked.errors()).with("formName", formName)
                .with("values", checked.values()).withStatus(422);
    }

    /** After a save: back to the case page at {@code anchor}. */
    static Reply.Redirect back(CaseFile file, String anchor) {
        return new Reply.Redirect("/cases/" + file.base().id() + "#" + anchor);
    }
}
