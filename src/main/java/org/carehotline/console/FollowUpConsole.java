package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.Clock;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseWork;
import org.carehotline.console.auth.Access;
import org.carehotline.followups.FollowUpChanges;
import org.carehotline.followups.FollowUpQueries;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpService;
import org.carehotline.store.MongoStore;

/**
 * The console's follow-up feature put together: the case page's part ({@link #panel()}) and
 * the routes of the due list, the calendar and the case page's follow-up forms.
 */
final class FollowUpConsole {

    /** What the feature needs from the rest of the console. */
    record Parts(MongoStore store, FollowUpService service, FollowUpChanges changes, CaseRepository cases,
                 CaseWork work, CaseGuard guard, CaseRows rows, Formats formats, Audit audit, Clock clock) {}

    private final Parts parts;
    private final FollowUpRepository followUps;
    private final FollowUpFields fields;
    private final FollowUpRows rows;
    private final CaseFollowUps panel;
    private final FollowUpQueries queries;
    private final FollowUpLists lists;

    FollowUpConsole(Parts parts) {
        this.parts = parts;
        this.followUps = new FollowUpRepository(parts.store());
        this.fields = new FollowUpFields(parts.formats().zone(), parts.clock());
        this.rows = new FollowUpRows(parts.cases(), parts.rows(), parts.formats());
        this.panel = new CaseFollowUps(followUps, parts.service(), rows, parts.rows(), parts.guard(), fields);
        this.queries = new FollowUpQueries(parts.store());
        this.lists = new FollowUpLists(queries, parts.guard(), rows, parts.clock(), parts.changes()::windowOf);
    }

    /** The due list's sorting, for the integration API. */
    FollowUpLists lists() {
        return lists;
    }

    /** The model of templates/case-followups.ftlh, for {@link CasePage}. */
    CaseFollowUps panel() {
        return panel;
    }

    void mount(Router router, Access access, Pages pages, CasePage casePage) {
        FollowUpCalendar calendar = new FollowUpCalendar(queries, lists, rows, parts.formats().zone(), parts.clock());
        new FollowUpListRoutes(pages, lists, calendar, parts.audit()).mount(router, access);
        new CaseFollowUpRoutes(pages, new CaseFollowUpRoutes.Parts(casePage, panel, parts.guard(), parts.work(),
                followUps, parts.service(), parts.changes(), fields, parts.audit(), parts.clock()))
                .mount(router, access);
    }
}
