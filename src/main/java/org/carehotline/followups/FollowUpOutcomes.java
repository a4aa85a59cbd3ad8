package org.carehotline.followups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.carehotline.cases.Disposition;
import org.carehotline.cases.FollowUpContactRepository;
import org.carehotline.live.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of each attempt: on the follow-up (with the next try, or its close), on
 * the attempt's contact on the case timeline, and on the counselor's presence. Reports carry
 * the claim token; a report for a claim that was taken over (the lease lapsed) changes
 * nothing. Blocking: called from AGI sessions and virtual threads.
 */
public final class FollowUpOutcomes implements DialReports {

    private static final Logger log = LoggerFactory.getLogger(FollowUpOutcomes.class);

    private final FollowUpRepository followUps;
    private final FollowUpContactRepository contacts;
    private final CounselorLine line;
    private final LiveFeed live;
    private final FollowUpRules rules;
    private final RetryPolicy policy;
    private final Clock clock;

    public FollowUpOutcomes(FollowUpRepository followUps, FollowUpContactRepository contacts, CounselorLine line,
                            LiveFeed live, FollowUpRules rules, Clock clock) {
        this.followUps = followUps;
        this.contacts = contacts;
        this.line = line;
        this.live = live;
        this.rules = rules;
        this.policy = new RetryPolicy(rules);
        this.clock = clock;
    }

    /**
     * The counselor picked up ([hotline-callback] started): the claim is extended over the
     * conversation and the worker may be dialed. Empty when the claim is gone: hang up.
     */
    public Optional<ActiveCall> counselorAnswered(String followUpId, String token) {
        Optional<ActiveCall> call = active(followUpId, token);
        call.ifPresent(c -> c.counselorId().ifPresent(counselor -> {
            line.answered(counselor, followUpId);
            contacts.counselorAnswered(c.contactId(), counselor, clock.instant());
            live.callAnswered(counselor, c.contactId());
        }));
        return call;
    }

    /**
     * Asterisk's ids for the attempt's call: the uniqueid and linkedid of the channel the server
     * originated (the counselor's phone, or the worker's for a check-in), so the contact can be
     * matched with Asterisk's CDR and events.
     */
    public void channelIs(ActiveCall call, String uniqueId, String linkedId) {
        contacts.recordChannel(call.contactId(), uniqueId, linkedId);
    }

    /** The worker answered the automated check-in ([hotline-checkin] started). */
    public Optional<ActiveCall> checkinAnswered(String followUpId, String token) {
        return active(followUpId, token);
    }

    /** The worker's leg ended: the outcome, and the counselor is free after wrap-up. */
    public void callEnded(ActiveCall call, Outcome outcome, long talkSeconds, String detail) {
        call.counselorId().ifPresent(c -> line.ended(c, call.followUpId(), Duration.ofSeconds(talkSeconds)));
        record(call.followUpId(), call.claimToken(), outcome, call.counselorId(), talkSeconds, detail);
    }

    /**
     * A checked-in worker asked for a counselor but nobody could take the call: the check-in is
     * done, and a call-back for the pool, due now, takes over.
     */
    public void checkinCallbackRequested(ActiveCall call, String detail) {
        talkCallbackRequested(call, Outcome.CHECKIN_TALK, detail);
    }

    /**
     * The same for any automated call whose worker asked for a counselor (check-in key 2, survey
     * key 0): {@code outcome} closes the automated call, and a call-back for the pool takes over.
     */
    public void talkCallbackRequested(ActiveCall call, Outcome outcome, String detail) {
        if (record(call.followUpId(), call.claimToken(), outcome, Optional.empty(), 0, detail)) {
            followUps.requestCallback(call.caseId(), call.workerNumber(), call.contactId(), clock.instant());
        }
    }

    @Override
    public void counselorLegFailed(CallbackOrder order, boolean noAnswer, String reason) {
        if (contacts.counselorHasAnswered(order.contactId())) {
            return; // a late watchdog: the script has the call and reports it
        }
        line.released(order.counselorId(), order.followUpId(), noAnswer);
        record(order.followUpId(), order.claimToken(), Outcome.COUNSELOR_NO_ANSWER, Optional.of(order.counselorId()),
                0, "counselor's phone: " + reason);
    }

    @Override
    public void checkinLegFailed(CheckinOrder order, Outcome outcome, String reason) {
        record(order.followUpId(), order.claimToken(), outcome, Optional.empty(), 0, "worker's phone: " + reason);
    }

    /**
     * Records one attempt and decides what follows (retry in the window, close, or escalate).
     *
     * @return false when the claim was no longer this one (nothing changed)
     */
    public boolean record(String followUpId, String token, Outcome outcome, Optional<String> counselorId,
                          long talkSeconds, String detail) {
        Optional<FollowUp> read = followUps.findById(followUpId)
                .filter(f -> f.claimToken().filter(token::equals).isPresent());
        if (read.isEmpty()) {
            log.info("Follow-up {}: outcome {} for a claim that is no longer held; ignored", followUpId, outcome);
            return false;
        }
        FollowUp f = read.get();
        Instant now = clock.instant();
        RetryPolicy.Decision decision = policy.decide(f, outcome, now);
        Attempt attempt = new Attempt(now, outcome, counselorId, f.currentContactId(), outcome.workerAttempt(),
                detail);
        if (!followUps.finishAttempt(token, attempt, decision.status(), decision.nextDueAt(), now,
                decision.note())) {
            return false;
        }
        f.currentContactId().ifPresent(contactId -> contacts.finish(contactId, outcome.code(), dispositionOf(outcome),
                outcome == Outcome.REACHED || outcome == Outcome.CHECKIN_TALK
                        || outcome == Outcome.SURVEY_TALK ? counselorId.orElse(null) : null, talkSeconds, now,
                detail + "; " + decision.note()));
        if (decision.escalate()) {
            live.crisisAlert(f.currentContactId().orElse(""), "follow-up " + f.id() + " on case " + f.caseId()
                    + ": " + decision.note());
        }
        return true;
    }

    private Optional<ActiveCall> active(String followUpId, String token) {
        if (followUpId == null || token == null) {
            return Optional.empty();
        }
        Optional<FollowUp> f = followUps.findById(followUpId).filter(x -> x.claimToken().filter(token::equals).isPresent())
                .filter(x -> followUps.extendLease(token, clock.instant().plus(rules.callLease())));
        return f.map(x -> new ActiveCall(x.id(), token, x.caseId(), x.currentContactId().orElse(""), x.phone(),
                x.currentCounselorId()));
    }

    private static Disposition dispositionOf(Outcome outcome) {
        return switch (outcome) {
            case REACHED, CHECKIN_OK, CHECKIN_TALK, SURVEY_ANSWERED, SURVEY_REFUSED, SURVEY_TALK -> Disposition.ANSWERED;
            case NO_ANSWER, BUSY -> Disposition.NO_ANSWER;
            default -> null;
        };
    }
}
