package org.carehotline.vocabulary;

/** The codes of the console itself: presence, pause reasons, roles, audit actions, line-setting words. */
final class ConsoleTerms {

    static final CodeList STATE = CodeList.of("state",
            Term.of("OFFLINE", "离线", "Offline"),
            Term.of("AVAILABLE", "可接听", "Available"),
            Term.of("RINGING", "振铃中", "Ringing"),
            Term.of("ON_CALL", "通话中", "On a call"),
            Term.of("WRAP_UP", "整理中", "Wrap-up"),
            Term.of("PAUSED", "暂停", "Paused"));

    /** "missed calls" is the code routing sets itself (routing/ConsoleStatus.MISSED_CALLS). */
    static final CodeList PAUSE = CodeList.of("pause",
            Term.of("break", "休息", "Break"),
            Term.of("meal", "用餐", "Meal"),
            Term.of("training", "培训", "Training"),
            Term.of("paperwork", "文书工作", "Paperwork"),
            Term.of("other", "其他", "Other"),
            Term.of("missed calls", "连续未接", "Missed calls", "missed_calls"));

    static final CodeList ROLE = CodeList.of("role",
            Term.of("COUNSELOR", "咨询员", "Counselor"),
            Term.of("LAWYER", "律师", "Lawyer"),
            Term.of("SUPERVISOR", "主管", "Supervisor"),
            Term.of("ADMINISTRATOR", "管理员", "Administrator"),
            Term.of("REFERRER", "转介人", "Referrer"));

    /** The actions the audit log records (console/Audit callers). */
    static final CodeList AUDIT = CodeList.of("auditAction",
            Term.of("signin", "登录", "Signed in"),
            Term.of("signin.failed", "登录失败", "Sign-in failed"),
            Term.of("signin.locked", "账号已锁定", "Account locked"),
            Term.of("signout", "退出登录", "Signed out"),
            Term.of("account.create", "新建账号", "Account created"),
            Term.of("account.update", "修改账号", "Account changed"),
            Term.of("account.unlock", "解锁账号", "Account unlocked"),
            Term.of("status.available", "设为可接听", "Set available"),
            Term.of("status.pause", "暂停接听", "Paused"),
            Term.of("status.offline", "下线", "Went offline"),
            Term.of("card.read", "查看来电卡片", "Caller card read"),
            Term.of("case.read", "查看个案", "Case read"),
            Term.of("case.search", "查询个案", "Cases searched"),
            Term.of("case.referrerCheck", "转介人查询号码", "Referrer number check"),
            Term.of("caller.profile", "修改来电者资料", "Caller profile saved"),
            Term.of("case.describe", "修改个案内容", "Case described"),
            Term.of("case.risk", "风险评估", "Risk assessed"),
            Term.of("case.note", "添加记录", "Note added"),
            Term.of("case.visit", "记录非电话联系", "Visit recorded"),
            Term.of("case.assign", "转派个案", "Case assigned"),
            Term.of("case.status.activate", "开始跟进", "Case activated"),
            Term.of("case.status.await", "待回访", "Case awaiting follow-up"),
            Term.of("case.status.close", "结案", "Case closed"),
            Term.of("case.status.reopen", "重新打开个案", "Case reopened"),
            Term.of("survey.refuses", "设置职工是否拒绝满意度回访", "Worker's survey refusal set"),
            Term.of("survey.allow", "设置高风险个案是否允许满意度回访", "Survey on a high-risk case set"),
            Term.of("call.monitor.listen", "监听通话", "Listened in"),
            Term.of("call.monitor.whisper", "耳语", "Whispered"),
            Term.of("call.monitor.barge", "介入通话", "Joined a call"),
            Term.of("followup.schedule", "安排回访", "Follow-up scheduled"),
            Term.of("followup.reschedule", "回访改期", "Follow-up rescheduled"),
            Term.of("followup.cancel", "取消回访", "Follow-up cancelled"),
            Term.of("followup.outcome", "记录回访结果", "Follow-up outcome recorded"),
            Term.of("followups.list", "查看回访清单", "Follow-up list read"),
            Term.of("followups.calendar", "查看回访日历", "Follow-up calendar read"),
            Term.of("onward.refer", "对外转介", "Onward referral"),
            Term.of("onward.make", "标为已转介", "Referral made"),
            Term.of("onward.accept", "标为已接收", "Referral accepted"),
            Term.of("onward.decline", "标为被拒绝", "Referral declined"),
            Term.of("onward.complete", "标为已完成", "Referral completed"),
            Term.of("onward.withdraw", "转介不再需要", "Referral withdrawn"),
            Term.of("emergency.contact", "紧急联络", "Emergency contact"),
            Term.of("settings.update", "修改线路设置", "Line settings changed"),
            Term.of("retention.sweep", "清理到期记录", "Retention sweep"),
            Term.of("backup.made", "备份数据库", "Store backed up"),
            Term.of("backup.failed", "备份失败", "Store backup failed"),
            Term.of("registry.import", "导入职工名册", "Registry imported"));

    /** The words the console writes into an audit entry's detail. */
    static final CodeList AUDIT_DETAIL = CodeList.of("auditDetail",
            Term.of("on load", "打开页面时", "on load"),
            Term.of("screen pop", "来电弹屏", "screen pop"),
            Term.of("single", "单次", "single"),
            Term.of("plan", "计划", "plan"));

    /** The words of a line-settings change as settings/SettingsChanges writes it. */
    static final CodeList SETTING = CodeList.of("setting",
            Term.of("hours", "开放时间", "hours"),
            Term.of("closed action", "非服务时间来电", "closed action"),
            Term.of("holidays", "节假日", "holidays"),
            Term.of("menu", "主菜单", "menu"),
            Term.of("dialects", "方言菜单", "dialects"),
            Term.of("closed", "不开放", "closed"),
            Term.of("none", "无", "none"),
            Term.of("oncall", "转值班电话", "on-call number"),
            Term.of("callback", "留下回电请求", "call-back request"),
            Term.of("mon", "周一", "Mon"), Term.of("tue", "周二", "Tue"), Term.of("wed", "周三", "Wed"),
            Term.of("thu", "周四", "Thu"), Term.of("fri", "周五", "Fri"), Term.of("sat", "周六", "Sat"),
            Term.of("sun", "周日", "Sun"));

    private ConsoleTerms() {
    }
}
