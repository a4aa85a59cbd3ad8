package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseWork;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Role;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpChanges;
import org.carehotline.followups.FollowUpChanges.Result;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpService;
import org.carehotline.followups.Mode;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.ScheduleRequest;
import org.carehotline.followups.TimeRange;

/**
 * The case page's follow-up actions: schedule one call or a plan, reschedule, cancel with a
 * reason, record an attempt made by hand. Whoever may open the case may act on its follow-ups.
 * Every form is checked whole before anything is saved (the page comes back with the messages
 * next to the fields), a follow-up being dialed right now is refused with a message rather than
 * changed under the scheduler, and every change is audited.
 */
final class CaseFollowUpRoutes {

    private final Pages pages;
    private final CasePage page;
    private final CaseFollowUps panel;
    private final CaseGuard guard;
    private final CaseWork work;
    private final FollowUpRepository followUps;
    private final FollowUpService service;
    private final FollowUpChanges changes;
    private final FollowUpFields fields;
    private final Audit audit;
    private final Clock clock;

    record Parts(CasePage page, CaseFollowUps panel, CaseGuard guard, CaseWork work, FollowUpRepository followUps,
                 FollowUpService service, FollowUpChanges changes, FollowUpFields fields, Audit audit, Clock clock) {}

    CaseFollowUpRoutes(Pages pages, Parts p) {
        this.pages = pages;
        this.page = p.page();
        this.panel = p.panel();
        this.guard = p.guard();
        this.work = p.work();
        this.followUps = p.followUps();
        this.service = p.service();
        this.changes = p.changes();
        this.fields = p.fields();
        this.audit = p.audit();
        this.clock = p.clock();
    }

    void mount(Router router, Access access) {
        Role[] workers = {Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR, Role.ADMINISTRATOR};
        router.post("/cases/:id/followups").handler(access.require(workers))
                .handler(ctx -> pages.handle(ctx, request -> schedule(request, load(request))));
        action(router, access, workers, "reschedule", this::reschedule);
        action(router, access, workers, "cancel", this::cancel);
        action(router, access, workers, "outcome", this::recordOutcome);
    }

    private interface Action {
        Reply apply(Request request, CaseFile file, FollowUp followUp);
    }

    private void action(Router router, Access access, Role[] roles, String name, Action handler) {
        router.post("/cases/:id/followups/:followUpId/" + name).handler(access.require(roles))
                .handler(ctx -> pages.handle(ctx, request -> {
                    CaseFile file = load(request);
                    String id = request.path("followUpId");
                    FollowUp f = followUps.findById(id).filter(x -> x.caseId().equals(file.base().id()))
                            .orElseThrow(() -> new Reply.NotFound(id));
                    return handler.apply(request, file, f);
                }));
    }

    /** The case of the request, after the access check. */
    private CaseFile load(Request request) {
        String id = request.path("id");
        CaseFile file = work.find(id).orElseThrow(() -> new Reply.NotFound(id));
        guard.check(request.signedIn(), id);
        return file;
    }

    private Reply schedule(Request request, CaseFile file) {
        Form form = new Form(request);
        String plan = form.oneOf("plan", service.planIds(), false);
        String mode = form.oneOf("mode", CaseFollowUps.MODES, true);
        Optional<Instant> due = fields.dueAt(form, "dueAt", plan.isEmpty());
        Optional<String> assignee = assignee(form, request.signedIn(), file);
        List<TimeRange> preferred = fields.preferred(form, "preferred");
        String note = form.optional("note", FieldLimits.REASON);
        if (file.base().phone().filter(p -> !p.isEmpty()).isEmpty()) {
            form.error("followup", "error.followup.no_number");
        }
        if (!form.ok()) {
            return again(request, file, "followup", form, 422);
        }
        ScheduleRequest r = new ScheduleRequest(file.base().id(), due.orElseGet(clock::instant), assignee,
                Mode.ofCode(mode), Optional.empty(), preferred, note, Optional.empty());
        List<String> ids;
        try {
            ids = plan.isEmpty() ? List.of(service.schedule(r)) : service.schedulePlan(plan, r);
        } catch (FollowUpService.Refused e) {
            form.error(FollowUpService.Refused.CHECKIN_HIGH_RISK.equals(e.code()) ? "mode" : "followup",
                    "error.followup." + e.code());
            return again(request, file, "followup", form, 422);
        }
        audit.record(request, "followup.schedule", file.base().number(), (plan.isEmpty() ? "single" : "plan " + plan)
                + " from " + FollowUpFields.input(r.dueAt(), fields.zone()) + " " + mode + " to "
                + assignee.orElse("default") + ": " + ids);
        return back(file);
    }

    private Reply reschedule(Request request, CaseFile file, FollowUp f) {
        Form form = new Form(request);
        Optional<Instant> due = fields.dueAt(form, "dueAt", true);
        Optional<String> assignee = assignee(form, request.signedIn(), file);
        if (!form.ok()) {
            return again(request, file, "reschedule-" + f.id(), form, 422);
        }
        Result result = changes.reschedule(f.id(), due.orElseThrow(), assignee, request.signedIn().login());
        return answer(request, file, f, form, "reschedule", result,
                FollowUpFields.input(due.get(), fields.zone()) + assignee.map(a -> " to " + a).orElse(""));
    }

    private Reply cancel(Request request, CaseFile file, FollowUp f) {
        Form form = new Form(request);
        String reason = form.required("reason", FieldLimits.REASON);
        if (!form.ok()) {
            return again(request, file, "cancel-" + f.id(), form, 422);
        }
        Result result = changes.cancel(f.id(), reason, request.signedIn().id());
        return answer(request, file, f, form, "cancel", result, reason);
    }

    private Reply recordOutcome(Request request, CaseFile file, FollowUp f) {
        Form form = new Form(request);
        String outcome = form.oneOf("outcome", CaseFollowUps.MANUAL_OUTCOMES, true);
        String minutes = form.optional("talkMinutes", 3);
        if (!minutes.isEmpty() && !minutes.matches("\\d{1,3}")) {
            form.error("talkMinutes", "error.minutes");
        }
        String note = form.optional("note", FieldLimits.SHORT_TEXT);
        if (!form.ok()) {
            return again(request, file, "outcome-" + f.id(), form, 422);
        }
        long talkSeconds = minutes.isEmpty() ? 0 : Long.parseLong(minutes) * 60;
        Result result = changes.recordManualAttempt(f.id(), Outcome.ofCode(outcome), request.signedIn().id(),
                talkSeconds, note);
        return answer(request, file, f, form, "outcome", result, outcome + (note.isEmpty() ? "" : ": " + note));
    }

    /**
     * Who the follow-up goes to: empty for the default (or, when rescheduling, unchanged);
     * {@code me} for a user who takes calls; the pool; or a counselor who may open the case.
     */
    private Optional<String> assignee(Form form, User user, CaseFile file) {
        String value = form.optional("assignee", 40);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.equals("me") && user.takesCalls()) {
            return Optional.of(user.id());
        }
        if (value.equals(FollowUpRepository.ASSIGNEE_POOL)) {
            return Optional.of(value);
        }
        if (panel.assignable(file.base().id()).stream().anyMatch(c -> c.get("id").equals(value))) {
            return Optional.of(value);
        }
        boolean counselor = page.callTakerIds().contains(value);
        form.error("assignee", counselor ? "error.assigneeCannotOpen" : "error.invalid");
        return Optional.empty();
    }

    private Reply answer(Request request, CaseFile file, FollowUp f, Form form, String action, Result result,
                         String detail) {
        switch (result) {
            case CHANGED -> {
                audit.record(request, "followup." + action, file.base().number(), f.id() + " " + detail);
                return back(file);
            }
            case NOT_FOUND -> throw new Reply.NotFound(f.id());
            default -> {
                form.error("followup", result == Result.BEING_DIALED ? "error.followupBeingDialed"
                        : "error.followupClosed");
                return again(request, file, action + "-" + f.id(), form, 409);
            }
        }
    }

    private Reply again(Request request, CaseFile file, String formName, Form form, int status) {
        return page.view(request.signedIn(), file).with("errors", form.errors()).with("formName", formName)
                .with("values", form.values()).withStatus(status);
    }

    private static Reply back(CaseFile file) {
        return new Reply.Redirect("/cases/" + file.base().id() + "#followups");
    }
}
