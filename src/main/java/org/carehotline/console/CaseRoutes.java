package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.carehotline.cases.CallerProfile;
import org.carehotline.vocabulary.Vocabulary;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.Category;
import org.carehotline.cases.NoteRepository;
import org.carehotline.cases.RiskAssessment;
import org.carehotline.cases.RiskLevel;
import org.carehotline.cases.Visit;
import org.carehotline.cases.VisitRepository;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.counselors.Role;

/**
 * The case page and its actions: profile, what the case is about, risk assessment, notes,
 * non-call contacts, status changes. Each action checks the form first and saves nothing when a
 * field is wrong (the page comes back with the messages next to the fields); every read and
 * change is audited.
 */
final class CaseRoutes {

    private static final List<String> STATUS_ACTIONS = List.of("activate", "await", "close", "reopen");
    private static final List<String> TIMEFRAMES = Arrays.stream(RiskLevel.Timeframe.values()).map(Enum::name).toList();
    private static final List<String> LEVELS = Arrays.stream(RiskLevel.values()).map(Enum::name).toList();
    private static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Enum::name).toList();

    private final Pages pages;
    private final CasePage page;
    private final CaseGuard guard;
    private final CaseWork work;
    private final CaseRepository cases;
    private final CallerProfiles callers;
    private final NoteRepository notes;
    private final VisitRepository visits;
    private final EventBusLiveFeed live;
    private final Audit audit;
    private final Clock clock;
    private final CaseActions actions;
    private final org.carehotline.followups.Surveys surveys;

    record Parts(CasePage page, CaseGuard guard, CaseWork work, CaseRepository cases, CallerProfiles callers,
                 NoteRepository notes, VisitRepository visits, EventBusLiveFeed live, Audit audit, Clock clock,
                 org.carehotline.followups.Surveys surveys) {}

    CaseRoutes(Pages pages, Parts p) {
        this.pages = pages;
        this.page = p.page();
        this.guard = p.guard();
        this.work = p.work();
        this.cases = p.cases();
        this.callers = p.callers();
        this.notes = p.notes();
        this.visits = p.visits();
        this.live = p.live();
        this.audit = p.audit();
        this.clock = p.clock();
        this.actions = new CaseActions(pages, page, work, guard);
        this.surveys = p.surveys();
    }

    void mount(Router router, Access access) {
        Role[] workers = {Role.COUNSELOR, Role.LAWYER, Role.SUPERVISOR, Role.ADMINISTRATOR};
        router.get("/cases/:id").handler(access.require(workers)).handler(ctx -> pages.handle(ctx, this::show));
        post(router, access, workers, "profile", this::saveProfile);
        post(router, access, workers, "describe", this::describe);
        post(router, access, workers, "risk", this::assessRisk);
        post(router, access, workers, "notes", this::addNote);
        post(router, access, workers, "visits", this::recordVisit);
        post(router, access, workers, "status", this::changeStatus);
        post(router, access, new Role[] {Role.SUPERVISOR, Role.ADMINISTRATOR}, "assign", this::assign);
    }

    private void post(Router router, Access access, Role[] roles, String action,
                      BiFunction<Request, CaseFile, Reply> handler) {
        actions.post(router, access, roles, action, handler);
    }

    /** The case of the request, after the access check. */
    private CaseFile load(Request request) {
        return actions.load(request);
    }

    private Reply show(Request request) {
        CaseFile file = load(request);
        audit.record(request, "case.read", file.base().number(), "");
        return page.view(request.signedIn(), file);
    }

    private Reply again(Request request, CaseFile file, String form, Form checked) {
        return actions.again(request, file, form, checked);
    }

    private static Reply.Redirect back(CaseFile file, String anchor) {
        return CaseActions.back(file, anchor);
    }

    private Reply saveProfile(Request request, CaseFile file) {
        String callerId = file.base().callerId().orElseThrow(() -> new Reply.NotFound("anonymous caller"));
        Form form = new Form(request);
        String name = form.optional("name", 50);
        CallerProfile old = callers.find(callerId).orElseThrow(() -> new Reply.NotFound(callerId));
        // an imported "other: …" occupation stays choosable until the counselor picks a code
        String occupation = form.oneOf("occupation", ProfileFields.occupations(old.occupation()), false);
        String plate = form.optional("plate", 12).toUpperCase(java.util.Locale.ROOT);
        if (!plate.isEmpty() && !plate.matches("[\\p{IsHan}A-Z0-9·-]{5,10}")) {
            form.error("plate", "error.plate");
        }
        String employer = form.optional("employer", 100);
        String region = Vocabulary.REGION.toCode(form.optional("region", 50));
        String dialect = ProfileFields.dialects(request.all("dialect"), form);
        if (!form.ok()) {
            return again(request, file, "profile", form);
        }
        callers.save(new CallerProfile(callerId, old.phone(), name, occupation, plate, employer, region, dialect,
                form.checked("unionMember"), old.highRisk(), old.lastCounselorId()));
        audit.record(request, "caller.profile", file.base().number(), "");
        return back(file, "profile").flash("saved.profile");
    }

    private Reply describe(Request request, CaseFile file) {
        Form form = new Form(request);
        List<Category> categories = new ArrayList<>();
        for (String c : request.all("categories")) {
            if (CATEGORIES.contains(c)) {
                categories.add(Category.valueOf(c));
            } else {
                form.error("categories", "error.invalid");
            }
        }
        if (categories.isEmpty()) {
            form.error("categories", "error.required");
        }
        String problem = form.required("presentingProblem", FieldLimits.LONG_TEXT);
        if (!form.ok()) {
            return again(request, file, "describe", form);
        }
        work.describe(file.base().id(), categories, problem, clock.instant());
        audit.record(request, "case.describe", file.base().number(), categories.toString());
        return back(file, "describe").flash("saved.problem");
    }

    private Reply assessRisk(Request request, CaseFile file) {
        Form form = new Form(request);
        String timeframe = form.oneOf("timeframe", TIMEFRAMES, true);
        String levelName = form.oneOf("level", LEVELS, true);
        String protective = form.optional("protective", FieldLimits.SHORT_TEXT);
        boolean thoughts = form.checked("thoughts");
        boolean plan = form.checked("plan");
        boolean means = form.checked("means");
        if (form.ok()) {
            RiskLevel suggested = RiskLevel.suggested(thoughts, plan, means, RiskLevel.Timeframe.valueOf(timeframe));
            if (RiskLevel.valueOf(levelName).compareTo(suggested) < 0) {
                form.error("level", "error.levelBelowAnswers");
            }
        }
        if (!form.ok()) {
            return again(request, file, "risk", form);
        }
        User user = request.signedIn();
        RiskLevel level = RiskLevel.valueOf(levelName);
        Instant now = clock.instant();
        work.assessRisk(file.base().id(), new RiskAssessment(thoughts, plan, means,
                RiskLevel.Timeframe.valueOf(timeframe), protective, level, user.id(), user.displayName(), now));
        audit.record(request, "case.risk", file.base().number(), level.name());
        if (level.alertsSupervisors()) {
            file.base().callerId().ifPresent(callers::flagHighRisk);
            live.riskRaised(file.base().id(), file.base().number(), level.name());
        }
        return back(file, "risk");
    }

    private Reply addNote(Request request, CaseFile file) {
        Form form = new Form(request);
        String text = form.required("text", FieldLimits.LONG_TEXT);
        if (!form.ok()) {
            return again(request, file, "note", form);
        }
        User user = request.signedIn();
        notes.add(file.base().id(), user.id(), user.displayName(), text, clock.instant());
        audit.record(request, "case.note", file.base().number(), "");
        return back(file, "timeline");
    }

    private Reply recordVisit(Request request, CaseFile file) {
        Form form = new Form(request);
        String kind = form.oneOf("kind", Visit.KINDS, true);
        String summary = form.required("summary", FieldLimits.LONG_TEXT);
        if (!form.ok()) {
            return again(request, file, "visit", form);
        }
        User user = request.signedIn();
        Instant now = clock.instant();
        visits.record(file.base().id(), kind, summary, user.id(), user.displayName(), now);
        cases.recordContact(file.base().id(), now);
        audit.record(request, "case.visit", file.base().number(), kind);
        return back(file, "timeline");
    }

    private Reply assign(Request request, CaseFile file) {
        Form form = new Form(request);
        String to = form.required("counselor", 40);
        if (!to.isEmpty() && page.callTakerIds().stream().noneMatch(to::equals)) {
            form.error("counselor", "error.invalid");
        }
        if (!form.ok()) {
            return again(request, file, "assign", form);
        }
        work.assign(file.base().id(), to, request.signedIn().id(), clock.instant());
        audit.record(request, "case.assign", file.base().number(), to);
        return back(file, "assign");
    }

    private Reply changeStatus(Request request, CaseFile file) {
        Form form = new Form(request);
        String action = form.oneOf("action", STATUS_ACTIONS, true);
        String note = form.optional("note", FieldLimits.SHORT_TEXT);
        if ("close".equals(action) && note.isEmpty()) {
            form.error("note", "error.outcomeRequired");
        }
        if (!form.ok()) {
            return again(request, file, "status", form);
        }
        String id = file.base().id();
        String by = request.signedIn().id();
        Instant now = clock.instant();
        boolean changed = switch (action) {
            case "activate" -> work.activate(id, by, now);
            case "await" -> work.awaitFollowUp(id, by, now, note);
            case "close" -> work.close(id, note, by, now);
            default -> work.reopen(id, by, now, note);
        };
        if (!changed) {
            form.error("action", "error.statusNotAllowed");
            return again(request, file, "status", form);
        }
        audit.record(request, "case.status." + action, file.base().number(), note);
        if ("close".equals(action)) {
            surveys.caseClosed(id); // schedules the satisfaction survey, or logs why not
        }
        return back(file, "status");
    }
}
