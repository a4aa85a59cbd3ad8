package org.carehotline.telephony.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.carehotline.followups.Outcome;
import org.junit.jupiter.api.Test;

/** How the worker's Dial in [hotline-callback] maps to a follow-up outcome. */
class CallbackOutcomeTest {

    private static Outcome of(String dialStatus, String cause) {
        return CallbackScript.outcomeOf(new DialOutcome(dialStatus, java.util.Optional.empty(), true), cause);
    }

    /**
     * The combinations chan_pjsip and app_dial in Asterisk 22 produce for each SIP answer of the
     * worker's side (res_pjsip_session's SIP-to-cause table, app_dial's handle_cause).
     */
    @Test
    void asterisk22DialStatusAndCauseGiveTheOutcome() {
        assertEquals(Outcome.REACHED, of("ANSWER", "16"));
        assertEquals(Outcome.NO_ANSWER, of("NOANSWER", "19"), "rang until the Dial timeout");
        assertEquals(Outcome.BUSY, of("BUSY", "17"), "486 Busy Here");
        assertEquals(Outcome.DECLINED, of("CHANUNAVAIL", "21"), "603 Decline: cause 21, CHANUNAVAIL, never BUSY");
        assertEquals(Outcome.WRONG_NUMBER, of("CHANUNAVAIL", "1"), "404 Not Found: unallocated number");
        assertEquals(Outcome.WRONG_NUMBER, of("CHANUNAVAIL", "22"), "410 Gone: number changed");
        assertEquals(Outcome.WRONG_NUMBER, of("CHANUNAVAIL", "28"), "484 Address Incomplete");
        assertEquals(Outcome.NO_ANSWER, of("CHANUNAVAIL", "18"), "408 / 480: no user responding");
        assertEquals(Outcome.NO_ANSWER, of("CHANUNAVAIL", "20"), "480 Temporarily Unavailable: subscriber absent");
        assertEquals(Outcome.FAILED, of("CONGESTION", "34"), "503: no circuit");
        assertEquals(Outcome.FAILED, of("CHANUNAVAIL", "38"), "500: network out of order");
        assertEquals(Outcome.FAILED, of("CHANUNAVAIL", null));
        assertEquals(Outcome.NOT_DIALED, of("CANCEL", "16"), "the counselor hung up: not the worker's miss");
    }
}
