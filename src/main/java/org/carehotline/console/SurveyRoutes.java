package org.carehotline.console;

import io.vertx.ext.web.Router;
import org.carehotline.cases.CaseFile;
import org.carehotline.console.auth.Access;
import org.carehotline.followups.Surveys;

/**
 * {@code POST /cases/{id}/survey}: the case page's survey settings. "The worker refuses surveys"
 * is the worker's own (on their caller record, for every case; setting it calls off their
 * waiting surveys); "allow a survey although the risk is high" is this case's. Audited.
 */
final class SurveyRoutes {

    private final CaseActions actions;
    private final Surveys surveys;
    private final Audit audit;

    SurveyRoutes(CaseActions actions, Surveys surveys, Audit audit) {
        this.actions = actions;
        this.surveys = surveys;
        this.audit = audit;
    }

    void mount(Router router, Access access) {
        actions.post(router, access, "survey", this::save);
    }

    private Reply save(Request request, CaseFile file) {
        Form form = new Form(request);
        boolean refuses = form.checked("refuses");
        boolean allow = form.checked("allow");
        String by = request.signedIn().id();
        String caseId = file.base().id();
        Surveys.Settings before = surveys.settings(caseId, file.base().callerId());
        if (file.base().callerId().isPresent() && refuses != before.workerRefuses()) {
            int cancelled = surveys.setRefuses(file.base().callerId().get(), file.base().phone().orElse(""), refuses, by);
            audit.record(request, "survey.refuses", file.base().number(), refuses + " (" + cancelled + " cancelled)");
        }
        if (allow != before.allowedDespiteRisk()) {
            surveys.allowDespiteRisk(caseId, allow, by);
            audit.record(request, "survey.allow", file.base().number(), String.valueOf(allow));
        }
        return CaseActions.back(file, "survey");
    }
}
