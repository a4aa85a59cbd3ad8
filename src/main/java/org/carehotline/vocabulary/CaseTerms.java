package org.carehotline.vocabulary;

/** The codes of cases and calls: status, category, risk, dispositions, timeline entries, system notes. */
final class CaseTerms {

    static final CodeList STATUS = CodeList.of("status",
            Term.of("OPEN", "新建", "Open"),
            Term.of("ACTIVE", "跟进中", "Active"),
            Term.of("AWAITING_FOLLOW_UP", "待回访", "Awaiting follow-up"),
            Term.of("CLOSED", "已结案", "Closed"));

    static final CodeList CATEGORY = CodeList.of("category",
            Term.of("PSYCHOLOGICAL_SUPPORT", "心理关爱", "Psychological support", "心理疏导", "心理咨询"),
            Term.of("LEGAL_ADVICE", "法律咨询", "Legal advice", "法律援助", "legal aid"),
            Term.of("HARDSHIP_ASSISTANCE", "困难帮扶", "Hardship help", "hardship assistance"),
            Term.of("CRISIS_INTERVENTION", "危机干预", "Crisis", "心理危机干预", "crisis intervention"));

    static final CodeList RISK = CodeList.of("risk",
            Term.of("NONE", "无风险", "None"),
            Term.of("LOW", "低", "Low"),
            Term.of("MODERATE", "中", "Moderate"),
            Term.of("HIGH", "高", "High"),
            Term.of("IMMINENT", "紧急", "Imminent"));

    static final CodeList TIMEFRAME = CodeList.of("timeframe",
            Term.of("NONE", "没有打算", "No intention"),
            Term.of("WEEKS", "几周内", "Within weeks"),
            Term.of("DAYS", "几天内", "Within days"),
            Term.of("TODAY", "今天", "Today"));

    static final CodeList DISPOSITION = CodeList.of("disposition",
            Term.of("ANSWERED", "已接听", "Answered"),
            Term.of("ABANDONED", "来电者挂断", "Abandoned"),
            Term.of("NO_ANSWER", "无人接听", "No answer"),
            Term.of("CALLBACK_REQUESTED", "要求回电", "Call-back requested"),
            Term.of("FALLBACK", "转值班电话", "Sent to duty line"),
            Term.of("IN_PROGRESS", "进行中", "In progress"));

    /** The kinds of entry on a case's timeline. */
    static final CodeList KIND = CodeList.of("kind",
            Term.of("inbound_call", "来电", "Inbound call"),
            Term.of("visit", "来访", "Visit"),
            Term.of("face_to_face", "面谈", "Face-to-face session"),
            Term.of("home_visit", "家访", "Home visit"),
            Term.of("supplies_delivered", "送物资", "Supplies delivered"),
            Term.of("note", "记录", "Note"),
            Term.of("risk", "风险评估", "Risk assessment"),
            Term.of("status", "状态变更", "Status"),
            Term.of("followup", "回访", "Follow-up"),
            Term.of("survey", "满意度回访", "Satisfaction survey"),
            Term.of("assignment", "转派给", "Assigned to"),
            Term.of("onward_LEGAL_AID", "对外转介 · 法律援助", "Onward referral · legal aid"),
            Term.of("onward_UNION_ASSISTANCE", "对外转介 · 工会帮扶", "Onward referral · union assistance"),
            Term.of("onward_MEDICAL", "对外转介 · 医疗", "Onward referral · medical"),
            Term.of("onward_EMPLOYMENT", "对外转介 · 就业", "Onward referral · employment"),
            Term.of("onward_FAMILY_SUPPORT", "对外转介 · 家庭支持", "Onward referral · family support"),
            Term.of("onward_OTHER", "对外转介 · 其他", "Onward referral · other"),
            Term.of("emergency_POLICE_110", "紧急联络 · 报警 110", "Emergency contact · police 110"),
            Term.of("emergency_AMBULANCE_120", "紧急联络 · 急救 120", "Emergency contact · ambulance 120"),
            Term.of("emergency_FAMILY", "紧急联络 · 家属", "Emergency contact · family"),
            Term.of("emergency_UNION", "紧急联络 · 工会", "Emergency contact · union"),
            Term.of("emergency_EMPLOYER", "紧急联络 · 用人单位", "Emergency contact · employer"),
            Term.of("emergency_OTHER", "紧急联络 · 其他", "Emergency contact · other"),
            Term.of("followup_call", "回访电话", "Follow-up call"),
            Term.of("checkin_call", "自动回访电话", "Automated check-in"),
            Term.of("survey_call", "满意度回访电话", "Satisfaction survey call"),
            Term.of("followup_manual", "回访（咨询员自行拨打）", "Follow-up (counselor's own phone)"));

    /**
     * Notes the system writes itself: on status changes (cases/CaseRepository) and as the reason
     * of a follow-up (followups/FollowUpRepository). Older records hold the English sentence,
     * matched as a variant.
     */
    static final CodeList NOTE = CodeList.of("systemNote",
            Term.of("first_call", "第一通来电", "First call", "first call"),
            Term.of("call_answered", "来电已接听", "Call answered", "call answered"),
            Term.of("callback_request", "来电者要求回电", "The caller asked to be called back", "callback request"),
            Term.of("survey", "结案后的满意度回访", "Satisfaction survey after the case was closed"));

    /** Why a crisis alert was raised (telephony/agi/InboundCallFlow writes the English sentence). */
    static final CodeList CRISIS = CodeList.of("crisisReason",
            Term.of("help_now", "来电者按了 0（我现在就需要帮助）", "The caller pressed 0 (help now)",
                    "caller pressed 0 (help now)"),
            Term.of("flagged_high_risk", "来电者曾被标为高风险", "The caller is flagged high-risk",
                    "caller flagged high-risk"),
            Term.of("help_now_waiting", "来电者在等待中按了 0", "The caller pressed 0 while waiting",
                    "caller pressed 0 while waiting", "caller pressed 0 while waiting: now urgent"));

    private CaseTerms() {
    }
}
