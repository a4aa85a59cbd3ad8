package org.carehotline.cases;

/** How urgent a worker's risk of suicide or harm is, from a counselor's structured assessment. */
public enum RiskLevel {
    NONE,
    LOW,
    MODERATE,
    HIGH,
    IMMINENT;

    /** High and imminent risk alert every signed-in supervisor at once. */
    public boolean alertsSupervisors() {
        return this == HIGH || this == IMMINENT;
    }

    /**
     * The least level the answers call for: thoughts alone are low, with a plan moderate, with a
     * plan and the means (or a plan for the coming days) high, with plan, means and "today"
     * imminent. A counselor may rate higher from what they hear, never lower.
     */
    public static RiskLevel suggested(boolean thoughts, boolean plan, boolean means, Timeframe timeframe) {
        if (!thoughts && !plan) {
            return NONE;
        }
        if (plan && means && timeframe == Timeframe.TODAY) {
            return IMMINENT;
        }
        if (plan && (means || timeframe == Timeframe.DAYS || timeframe == Timeframe.TODAY)) {
            return HIGH;
        }
        return plan ? MODERATE : LOW;
    }

    /** When the worker thinks of acting. */
    public enum Timeframe { NONE, WEEKS, DAYS, TODAY }
}
