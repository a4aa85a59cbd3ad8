package org.carehotline.telephony.ami;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.carehotline.followups.CallbackOrder;
import org.carehotline.followups.CheckinOrder;
import org.carehotline.followups.DialReports;
import org.carehotline.followups.OutboundDialer;
import org.carehotline.followups.Outcome;
import org.carehotline.telephony.agi.DialplanNames;

/**
 * Places follow-up calls with AMI {@code Originate} (async): Asterisk answers at once and later
 * sends an {@code OriginateResponse} event, matched here by ActionID. Success means the leg was
 * answered and the dialplan's AGI script now has the call; a failure is reported to
 * {@link DialReports}. If Asterisk never reports (the link dropped meanwhile), a watchdog
 * reports the leg failed after its ring time plus a margin, so a counselor is never left held.
 */
public final class Originator implements OutboundDialer {

    /** How long after a leg's ring time Asterisk's silence counts as a failure. */
    static final Duration WATCHDOG_MARGIN = Duration.ofSeconds(30);
    // Asterisk's originate reasons (AST_CONTROL_*): 3 ringing timed out, 5 busy, 8 congestion, 4 answered
    private static final int REASON_NO_ANSWER = 3;
    private static final int REASON_BUSY = 5;

    private final AmiLink link;
    private final String trunk;
    private final String callerId;
    private final DialReports reports;
    private final ExecutorService blocking;
    private final Duration watchdogMargin;
    private final Map<String, Object> pending = new ConcurrentHashMap<>();

    /**
     * @param callerId the number the worker sees (empty: the trunk's default)
     * @param blocking virtual threads for the reports (the AMI event thread must not block)
     */
    public Originator(AmiLink link, String trunk, String callerId, DialReports reports, ExecutorService blocking) {
        this(link, trunk, callerId, reports, blocking, WATCHDOG_MARGIN);
    }

    /** With another watchdog margin (tests). */
    Originator(AmiLink link, String trunk, String callerId, DialReports reports, ExecutorService blocking,
               Duration watchdogMargin) {
        this.watchdogMargin = watchdogMargin;
        this.link = link;
        this.trunk = trunk;
        this.callerId = callerId;
        this.reports = reports;
        this.blocking = blocking;
        link.addListener(this::onEvent);
    }

    @Override
    public void callCounselorFirst(CallbackOrder o) throws DialException {
        OriginateAction a = originate(o.counselorEndpoint(), DialplanNames.CONTEXT_CALLBACK, o.counselorRingSeconds());
        a.setCallerId("Follow-up <" + o.workerNumber() + ">");
        a.setVariables(Map.of(DialplanNames.VAR_CASE_ID, o.caseId(), DialplanNames.VAR_FOLLOWUP_ID, o.followUpId(),
                DialplanNames.VAR_FOLLOWUP_CLAIM, o.claimToken(), DialplanNames.VAR_WORKER_NUMBER, o.workerNumber(),
                DialplanNames.VAR_CONTACT_ID, o.contactId()));
        send(a, "followup-" + o.followUpId() + "-" + o.claimToken(), o, o.counselorRingSeconds());
    }

    @Override
    public void checkIn(CheckinOrder o) throws DialException {
        OriginateAction a = originate("PJSIP/" + o.workerNumber() + "@" + trunk,
                o.survey() ? DialplanNames.CONTEXT_SURVEY : DialplanNames.CONTEXT_CHECKIN, o.workerRingSeconds());
        if (!callerId.isEmpty()) {
            a.setCallerId(callerId);
        }
        a.setVariables(Map.of(DialplanNames.VAR_CASE_ID, o.caseId(), DialplanNames.VAR_FOLLOWUP_ID, o.followUpId(),
                DialplanNames.VAR_FOLLOWUP_CLAIM, o.claimToken(), DialplanNames.VAR_WORKER_NUMBER, o.workerNumber(),
                DialplanNames.VAR_CONTACT_ID, o.contactId()));
        send(a, (o.survey() ? "survey-" : "checkin-") + o.followUpId() + "-" + o.claimToken(), o, o.workerRingSeconds());
    }

    private static OriginateAction originate(String channel, String context, int ringSeconds) {
        OriginateAction a = new OriginateAction();
        a.setChannel(channel);
        a.setContext(context);
        a.setExten(DialplanNames.EXTEN_START);
        a.setPriority(1);
        a.setTimeout((long) ringSeconds * 1000);
        a.setAsync(true);
        return a;
    }

    private void send(OriginateAction action, String actionId, Object order, int ringSeconds) throws DialException {
        action.setActionId(actionId);
        pending.put(actionId, order);
        ManagerResponse response;
        try {
            response = link.send(action);
        } catch (Exception e) {
            pending.remove(actionId);
            throw new DialException("Originate not sent: " + e.getMessage(), e);
        }
        if (response instanceof ManagerError error) {
            pending.remove(actionId);
            throw new DialException("Originate refused: " + error.getMessage(), null);
        }
        blocking.execute(() -> watchdog(actionId, Duration.ofSeconds(ringSeconds).plus(watchdogMargin)));
    }

    private void watchdog(String actionId, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        Object order = pending.remove(actionId);
        if (order != null) {
            report(order, -1, "no OriginateResponse from Asterisk within " + wait.toSeconds() + " s");
        }
    }

    /** On the AMI event thread: match and hand over, never block. */
    private void onEvent(ManagerEvent event) {
        if (!(event instanceof OriginateResponseEvent e) || e.getActionId() == null) {
            return;
        }
        Object order = pending.remove(e.getActionId());
        if (order == null || "Success".equalsIgnoreCase(e.getResponse())) {
            return; // answered: the AGI script has the call now
        }
        int reason = e.getReason() == null ? 0 : e.getReason();
        blocking.execute(() -> report(order, reason, "originate failed, reason " + reason));
    }

    private void report(Object order, int reason, String text) {
        if (order instanceof CallbackOrder o) {
            reports.counselorLegFailed(o, reason == REASON_NO_ANSWER, text);
        } else if (order instanceof CheckinOrder o) {
            Outcome outcome = reason == REASON_NO_ANSWER ? Outcome.NO_ANSWER
                    : reason == REASON_BUSY ? Outcome.BUSY : Outcome.FAILED;
            reports.checkinLegFailed(o, outcome, text);
        }
    }
}
