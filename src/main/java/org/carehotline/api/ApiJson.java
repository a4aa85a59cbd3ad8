package org.carehotline.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.Category;
import org.carehotline.cases.DailyFigures;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.console.BoardPanel;
import org.carehotline.console.CaseTimeline;
import org.carehotline.followups.FollowUp;
import org.carehotline.routing.WaitingCallView;

/**
 * The API's answers as JSON, as openapi.json describes them: times in ISO-8601 UTC, durations in
 * seconds, codes rather than texts. Workers' numbers are masked ({@code 139****0301}), as the
 * console shows them to referrers: a token is a system, not a counselor who must call back.
 */
final class ApiJson {

    private ApiJson() {
    }

    static JsonObject caseFile(CaseFile file, List<CaseTimeline.Entry> timeline) {
        CareCase c = file.base();
        JsonObject json = new JsonObject().put("number", c.number()).put("status", c.status().name())
                .put("categories", new JsonArray(c.categories().stream().map(Category::name).toList()))
                .put("phone", masked(c.phone())).put("openedAt", time(c.openedAt()))
                .put("updatedAt", time(c.updatedAt())).put("contactCount", c.contactCount())
                .put("presentingProblem", file.presentingProblem()).put("outcome", file.outcome())
                .put("riskLevel", file.risk().map(r -> r.level().name()).orElse(null));
        JsonArray entries = new JsonArray();
        for (CaseTimeline.Entry e : timeline) {
            JsonObject entry = new JsonObject().put("at", time(e.at())).put("type", e.type()).put("kind", e.kind())
                    .put("label", e.label()).put("detail", e.detail()).put("who", e.who());
            e.waitSeconds().ifPresent(s -> entry.put("waitSeconds", s));
            e.talkSeconds().ifPresent(s -> entry.put("talkSeconds", s));
            entries.add(entry);
        }
        return json.put("timeline", entries);
    }

    static JsonObject board(BoardPanel board, Instant now) {
        DailyFigures.Figures f = board.figures();
        JsonObject figures = new JsonObject().put("calls", f.calls()).put("answered", f.answered())
                .put("abandoned", f.abandoned()).put("callbacks", f.callbacks())
                .put("averageWaitSeconds", f.averageWaitSeconds());
        JsonArray waiting = new JsonArray();
        for (WaitingCallView w : board.waitingCalls()) {
            waiting.add(new JsonObject().put("position", w.position()).put("urgent", w.needs().urgent())
                    .put("category", w.needs().category().name()).put("dialect", w.needs().dialect().orElse(""))
                    .put("waitSeconds", w.waited().toSeconds()).put("ringing", w.offeredTo().isPresent()));
        }
        JsonArray counselors = new JsonArray();
        Map<String, Integer> byState = new TreeMap<>();
        for (BoardPanel.CounselorRow c : board.counselors()) {
            counselors.add(new JsonObject().put("id", c.id()).put("name", c.name()).put("state", c.state())
                    .put("pauseReason", c.reason()));
            byState.merge(c.state(), 1, Integer::sum);
        }
        return new JsonObject().put("at", time(now)).put("figures", figures).put("waiting", waiting)
                .put("counselors", counselors).put("counselorsByState", new JsonObject(Map.copyOf(byState)));
    }

    static JsonArray followUps(List<FollowUp> followUps, Function<String, String> caseNumber) {
        JsonArray rows = new JsonArray();
        for (FollowUp f : followUps) {
            rows.add(new JsonObject().put("id", f.id()).put("caseNumber", caseNumber.apply(f.caseId()))
                    .put("phone", masked(Optional.ofNullable(f.phone()))).put("dueAt", time(f.dueAt()))
                    .put("attemptDueAt", time(f.attemptDueAt())).put("assignee", f.assignee())
                    .put("mode", f.mode().code()).put("reason", f.reason() == null ? "" : f.reason())
                    .put("status", f.status()).put("highRisk", f.highRisk()).put("attemptsMade", f.attemptsMade())
                    .put("maxAttempts", f.maxAttempts()).put("lastOutcome", f.attempts().isEmpty() ? null
                            : f.attempts().get(f.attempts().size() - 1).outcome().code()));
        }
        return rows;
    }

    static String time(Instant at) {
        return at.toString();
    }

    static String masked(Optional<String> phone) {
        return phone.filter(p -> !p.isEmpty()).map(PhoneNumbers::mask).orElse("");
    }
}
