package org.carehotline.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carehotline.cases.RiskLevel.Timeframe;
import org.junit.jupiter.api.Test;

class RiskLevelTest {

    @Test
    void theAnswersSetTheLeastLevel() {
        assertEquals(RiskLevel.NONE, RiskLevel.suggested(false, false, false, Timeframe.NONE));
        assertEquals(RiskLevel.LOW, RiskLevel.suggested(true, false, false, Timeframe.NONE));
        assertEquals(RiskLevel.MODERATE, RiskLevel.suggested(true, true, false, Timeframe.WEEKS));
        assertEquals(RiskLevel.HIGH, RiskLevel.suggested(true, true, true, Timeframe.WEEKS));
        assertEquals(RiskLevel.HIGH, RiskLevel.suggested(true, true, false, Timeframe.DAYS));
        assertEquals(RiskLevel.IMMINENT, RiskLevel.suggested(true, true, true, Timeframe.TODAY));
        assertEquals(RiskLevel.MODERATE, RiskLevel.suggested(false, true, false, Timeframe.NONE),
                "a plan without admitted thoughts still counts");
    }

    @Test
    void onlyHighAndImminentAlertSupervisors() {
        assertFalse(RiskLevel.MODERATE.alertsSupervisors());
        assertTrue(RiskLevel.HIGH.alertsSupervisors());
        assertTrue(RiskLevel.IMMINENT.alertsSupervisors());
    }
}
