package org.carehotline.telephony.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.carehotline.followups.Outcome;
import org.junit.jupiter.api.Test;

/** How the worker's Dial in [hotline-callback] maps to a follow-up outcome. */
class CallbackOutcomeTest {

    private static Outcome of(String dialStatus, String cause) {
        return CallbackScript.outcomeOf(new DialOutcome(dialStatus, 0), cause);
    }

    @Test
    void dialStatusAndCauseGiveTheOutcome() {
        assertEquals(Outcome.REACHED, of("ANSWER", "16"));
        assertEquals(Outcome.NO_ANSWER, of("NOANSWER", "19"));
        assertEquals(Outcome.BUSY, of("BUSY", "17"));
        assertEquals(Outcome.DECLINED, of("BUSY", "21"), "call rejected by the worker");
        assertEquals(Outcome.WRONG_NUMBER, of("CHANUNAVAIL", "1"), "unallocated number");
        assertEquals(Outcome.WRONG_NUMBER, of("CONGESTION", "22"), "number changed");
        assertEquals(Outcome.FAILED, of("CONGESTION", "34"));
        assertEquals(Outcome.FAILED, of("CHANUNAVAIL", null));
        assertEquals(Outcome.NOT_DIALED, of("CANCEL", "16"), "the counselor hung up: not the worker's miss");
    }
}
