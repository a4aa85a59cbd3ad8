package org.carehotline.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.carehotline.cases.Caller;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Category;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.followups.CallingWindow;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpRules;
import org.carehotline.followups.Mode;
import org.carehotline.followups.NewFollowUp;
import org.carehotline.live.LiveFeed;

/**
 * Union staff refer a worker: the worker's open case (or a new one) gets a follow-up due now,
 * for the pool, so the first fitting counselor calls them within the calling window. A high or
 * crisis urgency makes it high-risk (served first, escalated if unreachable); a crisis also
 * alerts supervisors at once, because the window may make the call wait. Blocking.
 */
public final class ReferralService {

    /** The reason on a referral's follow-up. */
    public static final String REASON_REFERRAL = "referral";

    private final ReferralRepository referrals;
    private final CallerRepository callers;
    private final CaseRepository cases;
    private final FollowUpRepository followUps;
    private final FollowUpRules rules;
    private final LiveFeed live;
    private final Clock clock;

    public ReferralService(ReferralRepository referrals, CallerRepository callers, CaseRepository cases,
                           FollowUpRepository followUps, FollowUpRules rules, LiveFeed live, Clock clock) {
        this.referrals = referrals;
        this.callers = callers;
        this.cases = cases;
        this.followUps = followUps;
        this.rules = rules;
        this.live = live;
        this.clock = clock;
    }

    /**
     * Records the referral and its follow-up.
     *
     * @throws IllegalArgumentException when the number cannot be called back
     */
    public Referral refer(String referrer, String workerNumber, String situation, Urgency urgency) {
        String phone = PhoneNumbers.normalize(workerNumber)
                .orElseThrow(() -> new IllegalArgumentException("'" + workerNumber + "' is not a number we can call"));
        Instant now = clock.instant();
        Caller caller = callers.recordCall(phone, now);
        CareCase careCase = cases.findOpenForCaller(caller.id()).orElseGet(() -> cases.open(caller.id(), phone, now));
        Category category = urgency == Urgency.CRISIS ? Category.CRISIS_INTERVENTION : Category.PSYCHOLOGICAL_SUPPORT;
        CallingWindow window = CallingWindow.of(rules.zone(), rules.window(), java.util.List.of());
        String followUpId = followUps.insert(new NewFollowUp(careCase.id(), phone, REASON_REFERRAL,
                Mode.COUNSELOR_CALL, FollowUpRepository.ASSIGNEE_POOL, window.nextOpening(now), window,
                rules.maxAttempts(), urgency.highRisk() || caller.highRisk(), Optional.of(category),
                Optional.of(caller.dialect()).filter(d -> !d.isEmpty()), Optional.empty(), Optional.empty()), now);
        Referral referral = new Referral(null, referrer, phone, situation, urgency, careCase.id(), followUpId, now);
        String id = referrals.insert(referral);
        if (urgency == Urgency.CRISIS) {
            live.crisisAlert("", "referral by " + referrer + " for case " + careCase.number() + ": " + situation);
        }
        return new Referral(id, referrer, phone, situation, urgency, careCase.id(), followUpId, now);
    }
}
