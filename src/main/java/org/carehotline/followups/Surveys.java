package org.carehotline.followups;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.Caller;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Category;
import org.carehotline.cases.SurveyConsent;
import org.carehotline.routing.CallNeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The satisfaction survey after a case is closed (满意度回访). Closing a case schedules one
 * automated survey call {@code surveys.delay-hours} later, moved into the worker's calling
 * window; the follow-up scheduler claims, dials and retries it like a check-in (leases, window,
 * {@code surveys.max-attempts}), and a case is surveyed once ever. No survey for a worker who
 * refused surveys, nor for a case at high or imminent risk (or a worker flagged high-risk)
 * unless a counselor allowed it on the case. Blocking.
 */
public final class Surveys {

    private static final Logger log = LoggerFactory.getLogger(Surveys.class);

    /** The reason a follow-up of a survey carries (shown on the timeline through the vocabulary). */
    public static final String REASON = "survey";
    /** Who refused, when the worker pressed 9. */
    public static final String BY_WORKER = "worker";

    /** What closing a case led to: a survey's id, or why there is none ({@code Skip}). */
    public record Decision(Optional<String> followUpId, Skip skip) {
        static Decision scheduled(String id) {
            return new Decision(Optional.of(id), Skip.NONE);
        }

        static Decision skipped(Skip why) {
            return new Decision(Optional.empty(), why);
        }
    }

    /** Why a closed case gets no survey. */
    public enum Skip { NONE, DISABLED, NO_CASE, NO_NUMBER, REFUSES_SURVEYS, HIGH_RISK, ALREADY_SURVEYED }

    private final SurveyRepository surveys;
    private final CaseRepository cases;
    private final CallerRepository callers;
    private final SurveyConsent consent;
    private final FollowUpOutcomes outcomes;
    private final FollowUpRules rules;
    private final SurveyRules surveyRules;
    private final Clock clock;

    public Surveys(SurveyRepository surveys, CaseRepository cases, CallerRepository callers, SurveyConsent consent,
                   FollowUpOutcomes outcomes, FollowUpRules rules, SurveyRules surveyRules, Clock clock) {
        this.surveys = surveys;
        this.cases = cases;
        this.callers = callers;
        this.consent = consent;
        this.outcomes = outcomes;
        this.rules = rules;
        this.surveyRules = surveyRules;
        this.clock = clock;
    }

    /** The case was closed just now: schedules its survey, or says why not. */
    public Decision caseClosed(String caseId) {
        Decision d = decide(caseId);
        log.info("Case {} closed: survey {}", caseId, d.followUpId().map(id -> "scheduled, " + id)
                .orElse("not scheduled (" + d.skip() + ")"));
        return d;
    }

    private Decision decide(String caseId) {
        if (!surveyRules.enabled()) {
            return Decision.skipped(Skip.DISABLED);
        }
        Optional<CareCase> found = cases.findById(caseId);
        if (found.isEmpty()) {
            return Decision.skipped(Skip.NO_CASE);
        }
        CareCase c = found.get();
        if (c.phone().isEmpty()) {
            return Decision.skipped(Skip.NO_NUMBER);
        }
        Optional<Caller> caller = c.callerId().flatMap(callers::findById);
        if (caller.map(x -> consent.refuses(x.id())).orElse(false) || consent.refusesByPhone(c.phone().get())) {
            return Decision.skipped(Skip.REFUSES_SURVEYS);
        }
        boolean highRisk = consent.riskLevel(caseId).alertsSupervisors() || caller.map(Caller::highRisk).orElse(false);
        if (highRisk && !consent.allowedDespiteRisk(caseId)) {
            return Decision.skipped(Skip.HIGH_RISK);
        }
        if (surveys.exists(caseId)) {
            return Decision.skipped(Skip.ALREADY_SURVEYED);
        }
        Instant now = clock.instant();
        CallingWindow window = CallingWindow.of(rules.zone(), rules.window(), java.util.List.of());
        // the counselor the survey is about: the case's owner, else the worker's last counselor
        String counselor = c.ownerId().or(() -> caller.flatMap(Caller::lastCounselorId))
                .orElse(FollowUpRepository.ASSIGNEE_POOL);
        Optional<Category> category = c.categories().isEmpty() ? Optional.empty()
                : Optional.of(c.categories().get(c.categories().size() - 1)); // as FollowUpService does
        NewFollowUp survey = new NewFollowUp(caseId, c.phone().get(), REASON, Mode.SURVEY, counselor,
                window.nextOpening(now.plus(surveyRules.delay())), window, surveyRules.maxAttempts(), highRisk,
                category, caller.map(Caller::dialect).filter(x -> !x.isEmpty()), Optional.empty(), Optional.empty());
        return surveys.insert(survey, now).map(Decision::scheduled).orElse(Decision.skipped(Skip.ALREADY_SURVEYED));
    }

    /**
     * Checked when a claimed survey is about to be dialed: a worker who refused since it was
     * scheduled (a refusal while it was being claimed is not cancelled by the console) is not
     * called; the survey is cancelled instead. True when it was called off.
     */
    public boolean calledOffAtDialTime(FollowUp f, String token) {
        boolean refuses = consent.refusesByPhone(f.phone())
                || cases.findById(f.caseId()).flatMap(CareCase::callerId).map(consent::refuses).orElse(false);
        return refuses && surveys.cancelClaimed(token, "the worker refuses surveys", clock.instant());
    }

    /** The worker answered the survey call ([hotline-survey] started); empty when the claim is gone. */
    public Optional<ActiveCall> answered(String followUpId, String token) {
        return outcomes.checkinAnswered(followUpId, token);
    }

    /** Keeps what the worker answered so far (before the call's outcome, so a hang-up loses nothing). */
    public void answers(ActiveCall call, SurveyAnswers answers) {
        surveys.recordAnswers(call.claimToken(), answers, clock.instant());
    }

    /**
     * What a surveyed worker who pressed 0 needs from a counselor: urgent (served before waiting
     * callers), the case's category and the worker's dialect, and the counselor of the case
     * preferred (as routing prefers a returning caller's counselor).
     */
    public CallNeeds talkNeeds(ActiveCall call) {
        Optional<FollowUp> f = surveys.find(call.followUpId());
        return new CallNeeds(f.flatMap(FollowUp::category).orElse(Category.PSYCHOLOGICAL_SUPPORT),
                f.flatMap(FollowUp::dialect), true, f.filter(x -> !x.pooled()).map(FollowUp::assignee));
    }

    /** The worker answered and the survey is done. */
    public void completed(ActiveCall call, SurveyAnswers answers) {
        outcomes.callEnded(call, Outcome.SURVEY_ANSWERED, 0, "survey answered: " + answers.text());
    }

    /** No answer to the first question: tried again later, within the attempts. */
    public void noResponse(ActiveCall call, String detail) {
        outcomes.callEnded(call, Outcome.SURVEY_NO_RESPONSE, 0, detail);
    }

    /**
     * The worker pressed 9: marked on their profile as refusing surveys, their other waiting
     * surveys called off, and this one closed. They are never called for a survey again.
     */
    public void refused(ActiveCall call, SurveyAnswers answersSoFar) {
        Instant now = clock.instant();
        consent.refuseByPhone(call.workerNumber(), BY_WORKER, now);
        outcomes.callEnded(call, Outcome.SURVEY_REFUSED, 0, "pressed 9: no more surveys"
                + (answersSoFar.any() ? "; " + answersSoFar.text() : ""));
        surveys.cancelPendingFor(call.workerNumber(), BY_WORKER, "the worker refused surveys (key 9)", now);
    }

    /**
     * A counselor sets or clears a worker's refusal from the console; a refusal calls off their
     * waiting surveys at once.
     */
    public int setRefuses(String callerId, String phone, boolean refuses, String by) {
        Instant now = clock.instant();
        consent.setRefuses(callerId, refuses, by, now);
        return refuses ? surveys.cancelPendingFor(phone, by, "the worker refuses surveys (set in the console)", now) : 0;
    }

    /** A counselor allows (or no longer allows) a survey on a high-risk case. */
    public void allowDespiteRisk(String caseId, boolean allowed, String by) {
        consent.allowDespiteRisk(caseId, allowed, by, clock.instant());
    }

    /** What the survey settings of a case are, for the case page. */
    public record Settings(boolean workerRefuses, boolean allowedDespiteRisk, boolean enabled) {}

    public Settings settings(String caseId, Optional<String> callerId) {
        return new Settings(callerId.map(consent::refuses).orElse(false), consent.allowedDespiteRisk(caseId),
                surveyRules.enabled());
    }

    /** The answers recorded on a survey follow-up. */
    public SurveyAnswers answersOf(String followUpId) {
        return surveys.answers(followUpId);
    }
}
