package org.carehotline.cases;

/** What a worker calls about. The inbound menu maps keys onto these; counselors hold a skill level per category. */
public enum Category {
    /** 心理关爱 / 心理疏导 */
    PSYCHOLOGICAL_SUPPORT,
    /** 法律咨询 / 法律援助 */
    LEGAL_ADVICE,
    /** 困难帮扶 */
    HARDSHIP_ASSISTANCE,
    /** 心理危机干预: "I need help now" */
    CRISIS_INTERVENTION
}
