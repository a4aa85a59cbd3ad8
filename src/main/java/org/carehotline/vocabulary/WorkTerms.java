package org.carehotline.vocabulary;

/** The codes of follow-ups, onward referrals and the emergency record. */
final class WorkTerms {

    static final CodeList FOLLOWUP_MODE = CodeList.of("followupMode",
            Term.of("counselor_call", "咨询员回电", "Counselor call-back"),
            Term.of("checkin", "自动关怀回访", "Automated check-in"),
            Term.of("survey", "满意度回访", "Satisfaction survey"));

    static final CodeList FOLLOWUP_STATUS = CodeList.of("followupStatus",
            Term.of("pending", "待办", "Pending"),
            Term.of("claimed", "拨打中", "Being dialed"),
            Term.of("done", "已完成", "Done"),
            Term.of("unreachable", "未能联系上", "Unreachable"),
            Term.of("escalated", "已上报主管", "Escalated to supervisors"),
            Term.of("cancelled", "已取消", "Cancelled"));

    static final CodeList FOLLOWUP_OUTCOME = CodeList.of("followupOutcome",
            Term.of("reached", "已联系上", "Reached"),
            Term.of("no_answer", "无人接听", "No answer"),
            Term.of("busy", "占线", "Busy"),
            Term.of("failed", "呼叫失败", "Call failed"),
            Term.of("wrong_number", "号码错误", "Wrong number"),
            Term.of("declined", "拒绝回访", "Declined"),
            Term.of("counselor_no_answer", "咨询员未接", "Counselor did not answer"),
            Term.of("not_dialed", "未能拨出", "Not dialed"),
            Term.of("checkin_ok", "自动回访：一切安好", "Check-in: all right"),
            Term.of("checkin_talk", "自动回访：转接咨询员", "Check-in: put through to a counselor"),
            Term.of("checkin_no_response", "自动回访：未按键", "Check-in: no key pressed"),
            Term.of("survey_answered", "满意度回访：已作答", "Survey: answered"),
            Term.of("survey_refused", "满意度回访：不再参加", "Survey: refused, no more surveys"),
            Term.of("survey_talk", "满意度回访：转接咨询员", "Survey: put through to a counselor"),
            Term.of("survey_no_response", "满意度回访：未按键", "Survey: no key pressed"));

    static final CodeList ONWARD_KIND = CodeList.of("onwardKind",
            Term.of("LEGAL_AID", "法律援助", "Legal aid"),
            Term.of("UNION_ASSISTANCE", "工会帮扶", "Union assistance"),
            Term.of("MEDICAL", "医疗", "Medical"),
            Term.of("EMPLOYMENT", "就业", "Employment"),
            Term.of("FAMILY_SUPPORT", "家庭支持", "Family support"),
            Term.of("OTHER", "其他", "Other"));

    static final CodeList ONWARD_STATUS = CodeList.of("onwardStatus",
            Term.of("SUGGESTED", "已建议", "Suggested"),
            Term.of("MADE", "已转介", "Made"),
            Term.of("ACCEPTED", "已接收", "Accepted"),
            Term.of("DECLINED", "被拒绝", "Declined"),
            Term.of("COMPLETED", "已完成", "Completed"),
            Term.of("NO_LONGER_NEEDED", "不再需要", "No longer needed"));

    static final CodeList EMERGENCY_PARTY = CodeList.of("emergencyParty",
            Term.of("POLICE_110", "报警 110", "Police 110"),
            Term.of("AMBULANCE_120", "急救 120", "Ambulance 120"),
            Term.of("FAMILY", "家属", "Family"),
            Term.of("UNION", "工会", "Union"),
            Term.of("EMPLOYER", "用人单位", "Employer"),
            Term.of("OTHER", "其他", "Other"));

    static final CodeList EMERGENCY_RESULT = CodeList.of("emergencyResult",
            Term.of("REACHED", "已联系上", "Reached"),
            Term.of("DISPATCHED", "已出警 / 已派车", "Dispatched"),
            Term.of("NO_ANSWER", "无人接听", "No answer"),
            Term.of("REFUSED", "拒绝", "Refused"),
            Term.of("OTHER", "其他", "Other"));

    private WorkTerms() {
    }
}
