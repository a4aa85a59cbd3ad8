package org.carehotline.telephony.ami;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.carehotline.followups.CallbackOrder;
import org.carehotline.followups.DialReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The originate watchdog: when Asterisk accepts an {@code Originate} but never sends its
 * {@code OriginateResponse} (the link dropped meanwhile), the counselor's leg is reported failed
 * after its ring time and a margin, so the counselor is never left held and the follow-up goes
 * on; a response that does come first stops the watchdog.
 */
class OriginatorWatchdogTest {

    private static final Duration MARGIN = Duration.ofMillis(300);

    private final AmiLink link = mock(AmiLink.class);
    private final DialReports reports = mock(DialReports.class);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private Consumer<ManagerEvent> events;
    private Originator originator;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void connect() throws Exception {
        ManagerResponse accepted = new ManagerResponse();
        accepted.setResponse("Success");
        when(link.send(any())).thenReturn(accepted);
        originator = new Originator(link, "hotline-trunk", "", reports, threads, MARGIN);
        ArgumentCaptor<Consumer<ManagerEvent>> listener = ArgumentCaptor.forClass(Consumer.class);
        verify(link).addListener(listener.capture());
        events = listener.getValue();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static CallbackOrder order(String followUpId) {
        return new CallbackOrder(followUpId, "claim-1", "case-1", "contact-1", "c-1", "PJSIP/6001", "13800000001", 0);
    }

    @Test
    void anOriginateAsteriskNeverAnswersIsReportedFailedAfterTheRingTimeAndMargin() throws Exception {
        CallbackOrder order = order("f-silent");
        originator.callCounselorFirst(order);

        verify(reports, after(100).never()).counselorLegFailed(any(), anyBoolean(), anyString());
        verify(reports, timeout(3000)).counselorLegFailed(eq(order), eq(false), contains("no OriginateResponse"));
    }

    @Test
    void aResponseBeforeTheWatchdogStopsIt() throws Exception {
        CallbackOrder order = order("f-answered");
        originator.callCounselorFirst(order);
        OriginateResponseEvent answered = new OriginateResponseEvent(this);
        answered.setActionId("followup-f-answered-claim-1");
        answered.setResponse("Success");
        events.accept(answered);

        verify(reports, after(MARGIN.toMillis() + 500).never()).counselorLegFailed(any(), anyBoolean(), anyString());
    }

    @Test
    void aCounselorWhoDidNotAnswerIsReportedAsAMissAtOnce() throws Exception {
        CallbackOrder order = order("f-missed");
        originator.callCounselorFirst(order);
        OriginateResponseEvent noAnswer = new OriginateResponseEvent(this);
        noAnswer.setActionId("followup-f-missed-claim-1");
        noAnswer.setResponse("Failure");
        noAnswer.setReason(3);
        events.accept(noAnswer);

        verify(reports, timeout(1000)).counselorLegFailed(eq(order), eq(true), contains("reason 3"));
        verify(reports, after(MARGIN.toMillis() + 500).never()).counselorLegFailed(eq(order), eq(false), anyString());
    }
}
