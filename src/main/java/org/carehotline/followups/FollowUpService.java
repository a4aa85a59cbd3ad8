package org.carehotline.followups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.Caller;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Category;

/**
 * Schedules follow-ups on cases: one call, or a plan of several. The worker's number, risk and
 * dialect come from the case and its caller; the due time is moved into the worker's calling
 * window at once, so what is stored is when the call may really be made. Blocking.
 */
public final class FollowUpService {

    private final FollowUpRepository followUps;
    private final CaseRepository cases;
    private final CallerRepository callers;
    private final FollowUpRules rules;
    private final Clock clock;

    public FollowUpService(FollowUpRepository followUps, CaseRepository cases, CallerRepository callers,
                           FollowUpRules rules, Clock clock) {
        this.followUps = followUps;
        this.cases = cases;
        this.callers = callers;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Schedules one follow-up and returns its id.
     *
     * @throws Refused for an unknown case, a case without a number to call, or an automated
     *         check-in on a high-risk case (those get a counselor)
     */
    public String schedule(ScheduleRequest request) {
        return followUps.insert(prepare(request, Optional.empty()), clock.instant());
    }

    /**
     * Schedules every step of a plan from {@code start}; returns the ids in order. Every step is
     * checked before any is stored, and all are stored in one write: a refused plan leaves nothing.
     *
     * @throws Refused as {@link #schedule}, or for an unknown plan
     */
    public List<String> schedulePlan(String planId, ScheduleRequest start) {
        FollowUpPlan plan = rules.plan(planId)
                .orElseThrow(() -> new Refused(Refused.UNKNOWN_PLAN, "no follow-up plan '" + planId + "'"));
        List<NewFollowUp> steps = new ArrayList<>();
        for (Duration offset : plan.offsets()) {
            ScheduleRequest step = new ScheduleRequest(start.caseId(), start.dueAt().plus(offset), start.assignee(),
                    start.mode(), start.zone(), start.preferred(), start.reason(), start.maxAttempts());
            steps.add(prepare(step, Optional.of(planId)));
        }
        return followUps.insertAll(steps, clock.instant());
    }

    private NewFollowUp prepare(ScheduleRequest r, Optional<String> planId) {
        CareCase careCase = cases.findById(r.caseId())
                .orElseThrow(() -> new Refused(Refused.NO_CASE, "no case " + r.caseId()));
        String phone = careCase.phone().orElseThrow(() -> new Refused(Refused.NO_NUMBER,
                "case " + careCase.number() + " has no number to call"));
        Optional<Caller> caller = careCase.callerId().flatMap(callers::findById);
        boolean highRisk = caller.map(Caller::highRisk).orElse(false);
        if (r.mode() == Mode.CHECKIN && highRisk) {
            throw new Refused(Refused.CHECKIN_HIGH_RISK, "automated check-ins are for low-risk cases; case "
                    + careCase.number() + " is high-risk: schedule a counselor call");
        }
        String assignee = r.assignee().orElseGet(() -> careCase.ownerId()
                .or(() -> caller.flatMap(Caller::lastCounselorId)).orElse(FollowUpRepository.ASSIGNEE_POOL));
        CallingWindow window = CallingWindow.of(r.zone().orElse(rules.zone()), rules.window(), r.preferred());
        Optional<Category> category = careCase.categories().isEmpty() ? Optional.empty()
                : Optional.of(careCase.categories().get(careCase.categories().size() - 1));
        Optional<String> dialect = caller.map(Caller::dialect).filter(d -> !d.isEmpty());
        return new NewFollowUp(careCase.id(), phone, r.reason(), r.mode(), assignee, window.nextOpening(r.dueAt()),
                window, r.maxAttempts().orElse(rules.maxAttempts()), highRisk, category, dialect, planId,
                Optional.empty());
    }

    /** The configured plans' names, as {@code followups.plans} lists them. */
    public List<String> planIds() {
        return rules.plans().stream().map(FollowUpPlan::id).toList();
    }

    /** Why a follow-up could not be scheduled; {@link #code()} names the reason for the console's message. */
    public static final class Refused extends IllegalArgumentException {
        public static final String NO_CASE = "no_case";
        public static final String NO_NUMBER = "no_number";
        public static final String CHECKIN_HIGH_RISK = "checkin_high_risk";
        public static final String UNKNOWN_PLAN = "unknown_plan";

        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The case's follow-ups, by due time. */
    public List<FollowUp> forCase(String caseId) {
        return followUps.forCase(caseId);
    }

    /** Now, by this service's clock (for callers that schedule relative to it). */
    public Instant now() {
        return clock.instant();
    }
}
