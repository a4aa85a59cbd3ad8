package org.carehotline.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CaseFile;
import org.carehotline.console.auth.User;
import org.carehotline.followups.FollowUpChanges;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpService;
import org.carehotline.followups.Mode;
import org.carehotline.followups.Outcome;

/**
 * The follow-ups part of the case page (templates/case-followups.ftlh): the case's follow-ups
 * with their attempts, and what its forms offer: plans, modes, the outcomes a counselor records
 * by hand, and who a follow-up can be given to (the pool, or a counselor who may open this
 * case). Blocking.
 */
final class CaseFollowUps {

    // surveys are scheduled by closing a case, never by hand
    static final List<String> MODES = Arrays.stream(Mode.values()).filter(m -> m != Mode.SURVEY).map(Mode::code).toList();
    static final List<String> MANUAL_OUTCOMES = FollowUpChanges.MANUAL_OUTCOMES.stream().map(Outcome::code).toList();

    private final FollowUpRepository followUps;
    private final FollowUpService service;
    private final FollowUpRows rows;
    private final CaseRows caseRows;
    private final CaseGuard guard;
    private final FollowUpFields fields;

    CaseFollowUps(FollowUpRepository followUps, FollowUpService service, FollowUpRows rows, CaseRows caseRows,
                  CaseGuard guard, FollowUpFields fields) {
        this.followUps = followUps;
        this.service = service;
        this.rows = rows;
        this.caseRows = caseRows;
        this.guard = guard;
        this.fields = fields;
    }

    Map<String, Object> model(User user, CaseFile file) {
        String caseId = file.base().id();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows.rows(followUps.forCase(caseId), user));
        model.put("callable", file.base().phone().filter(p -> !p.isEmpty()).isPresent());
        model.put("plans", service.planIds());
        model.put("modes", MODES);
        model.put("outcomes", MANUAL_OUTCOMES);
        // "我自己" stands for the user: their own name is not offered a second time
        model.put("counselors", assignable(caseId).stream()
                .filter(c -> !(user.takesCalls() && c.get("id").equals(user.id()))).toList());
        model.put("canTakeIt", user.takesCalls());
        model.put("defaultDue", fields.tomorrowMorning());
        return model;
    }

    /**
     * Counselors and lawyers a follow-up on this case may be given to: those who may open it, so
     * that whoever is asked to call can read the case first.
     */
    List<Map<String, String>> assignable(String caseId) {
        return caseRows.callTakers().stream().filter(c -> guard.visibility().workedOn(caseId, c.get("id"))).toList();
    }
}
