package org.carehotline.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a report into the page's model: plain maps of display strings for the tables (the
 * template never formats numbers), and the same figures as JSON for the charts.
 */
final class ReportModel {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportModel() {
    }

    static Map<String, Object> of(Report r, String lang, Map<String, String> texts) {
        Function<String, String> t = key -> texts.getOrDefault(key, key);
        Map<String, Object> m = new HashMap<>();
        m.put("t", texts);
        m.put("lang", lang);
        m.put("from", r.period().from().toString());
        m.put("to", r.period().to().toString());
        m.put("bucket", r.period().bucket().name());
        m.put("query", "from=" + r.period().from() + "&to=" + r.period().to() + "&bucket=" + r.period().bucket()
                + "&lang=" + lang);
        m.put("shortAbandonSeconds", String.valueOf(r.settings().shortAbandonSeconds()));
        m.put("serviceLevelSeconds", String.valueOf(r.settings().serviceLevelSeconds()));
        m.put("service", r.service().stream().map(ReportModel::service).toList());
        m.put("total", service(r.total()));
        m.put("counselors", r.counselors().stream().map(c -> counselor(c, t)).toList());
        m.put("casesOpened", String.valueOf(r.casesOpened()));
        m.put("casesClosed", String.valueOf(r.casesClosed()));
        m.put("callsByCategory", tallies(r.callsByCategory(), label -> ReportCsv.category(t, label)));
        m.put("casesByCategory", tallies(r.casesByCategory(), label -> ReportCsv.category(t, label)));
        List<Map<String, Object>> callerFields = new ArrayList<>();
        r.casesByCaller().forEach((field, rows) -> callerFields.add(Map.of("field", field, "title", t.apply("field." + field),
                "rows", tallies(rows, label -> ReportCsv.value(t, field, label)))));
        m.put("callerFields", callerFields);
        m.put("crises", r.crises().stream().map(c -> row("started", LOCAL.format(c.startedAt().atZone(r.period().zone())),
                "case", c.caseNumber(), "disposition", c.disposition().isEmpty() ? "" : t.apply("disposition." + c.disposition()),
                "answeredBy", c.answeredBy(), "caseStatus", c.caseStatus().isEmpty() ? "" : t.apply("status." + c.caseStatus()),
                "firstFollowUp", c.firstFollowUpAt().map(f -> LOCAL.format(f.atZone(r.period().zone()))).orElse("—"),
                "hours", show(c.hoursToFollowUp()))).toList());
        FollowUpRow f = r.followUps();
        m.put("followUps", row("due", f.due(), "made", f.made(), "reached", f.reached(), "overdue", f.overdue(),
                "attempts", f.attempts(), "attemptsPerReach", show(f.attemptsPerReach())));
        m.put("surveyTotal", survey(r.surveys().total(), t.apply("value.total")));
        m.put("surveysByCategory", r.surveys().byCategory().stream()
                .map(x -> survey(x, ReportCsv.category(t, x.group()))).toList());
        m.put("surveysByCounselor", r.surveys().byCounselor().stream()
                .map(x -> survey(x, ReportCsv.value(t, x.group()))).toList());
        m.put("ivrRows", r.ivr().rows().stream().map(x -> row("path", t.apply("ivr.path." + x.path()),
                "calls", x.calls(), "rang", x.rang(), "ringP50", show(x.toRingingP50()), "ringP90", show(x.toRingingP90()),
                "humans", x.humans(), "humanP50", show(x.toHumanP50()), "humanP90", show(x.toHumanP90()))).toList());
        m.put("ivrAbandoned", r.ivr().abandonedBySteps().entrySet().stream()
                .map(e -> row("label", t.apply("ivr.step." + e.getKey()), "count", e.getValue())).toList());
        m.put("coverageAll", coverage(r.coverage().all(), "", t));
        m.put("coverageByOccupation", r.coverage().byOccupation().stream().map(c -> coverage(c, "occupation", t)).toList());
        m.put("coverageByRegion", r.coverage().byRegion().stream().map(c -> coverage(c, "region", t)).toList());
        m.put("referrals", OnwardModel.table(r.onwardReferrals(), t));
        m.put("chartData", safeForScript(charts(r, t)));
        return m;
    }

    private static JsonObject charts(Report r, Function<String, String> t) {
        JsonObject data = new JsonObject();
        data.put("labels", new JsonArray(r.service().stream().map(ServiceRow::label).toList()));
        data.put("offered", new JsonArray(r.service().stream().map(ServiceRow::offered).toList()));
        data.put("answered", new JsonArray(r.service().stream().map(ServiceRow::answered).toList()));
        data.put("abandoned", new JsonArray(r.service().stream().map(ServiceRow::abandoned).toList()));
        data.put("answerRate", new JsonArray(r.service().stream().map(ServiceRow::answerRate).toList()));
        data.put("serviceLevel", new JsonArray(r.service().stream().map(ServiceRow::serviceLevel).toList()));
        data.put("categories", pairs(r.callsByCategory(), label -> ReportCsv.category(t, label)));
        Map<String, Long> outcomes = new TreeMap<>();
        r.crises().forEach(c -> outcomes.merge(c.disposition().isEmpty() ? t.apply("value.none")
                : t.apply("disposition." + c.disposition()), 1L, Long::sum));
        data.put("crisisOutcomes", pairs(outcomes.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()))
                .toList(), label -> label));
        data.put("coverageRegions", new JsonArray(r.coverage().byRegion().stream().map(c -> new JsonObject()
                .put("name", ReportCsv.value(t, "region", c.group())).put("registered", c.registered())
                .put("reached", c.reached())).toList()));
        data.put("referrals", OnwardModel.chart(r.onwardReferrals(), t));
        for (String key : List.of("offered", "answered", "abandoned", "answerRate", "serviceLevel", "registered",
                "reached", "count")) {
            data.put("title_" + key, t.apply("col." + key));
        }
        return data;
    }

    private static JsonArray pairs(List<Tally> tallies, Function<String, String> label) {
        return new JsonArray(tallies.stream().map(x -> new JsonObject().put("name", label.apply(x.label()))
                .put("value", x.count())).toList());
    }

    /** JSON placed inside a script element: no "<" may close it early. */
    static String safeForScript(JsonObject json) {
        return json.encode().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static Map<String, String> service(ServiceRow s) {
        return row("label", s.label(), "offered", s.offered(), "answered", s.answered(), "abandoned", s.abandoned(),
                "shortAbandoned", s.shortAbandoned(), "noAnswer", s.noAnswer(), "callbacks", s.callbacks(),
                "overflow", s.overflow(), "answeredInTarget", s.answeredInTarget(), "answerRate", show(s.answerRate()),
                "serviceLevel", show(s.serviceLevel()), "asa", show(s.averageSpeedOfAnswer()),
                "avgTalk", show(s.averageTalkSeconds()), "avgWrapUp", show(s.averageWrapUpSeconds()));
    }

    private static Map<String, String> counselor(CounselorRow c, Function<String, String> t) {
        PresenceTotals p = c.presence();
        Map<String, String> row = row("name", c.name(), "offers", c.offers(), "misses", c.misses(), "calls", c.calls(),
                "talk", c.talkSeconds(), "avgTalk", show(c.averageTalkSeconds()), "signedIn", hms(p.signedInSeconds()),
                "available", hms(p.availableSeconds()), "onCall", hms(p.onCallSeconds()),
                "wrapUp", hms(p.wrapUpSeconds()), "paused", hms(p.pausedSeconds()), "occupancy", show(p.occupancy()));
        row.put("pausedByReason", String.join(" · ", p.pausedByReason().entrySet().stream()
                .map(e -> ReportCsv.pauseReason(t, e.getKey()) + " " + hms(e.getValue())).toList()));
        return row;
    }

    private static Map<String, String> survey(SurveyRow s, String label) {
        return row("label", label, "surveys", s.surveys(), "called", s.called(), "answered", s.answered(),
                "notReached", s.notReached(), "refused", s.refused(), "talked", s.talked(), "scored", s.scored(),
                "satisfactionRate", show(s.satisfactionRate()), "meanScore", show(s.meanScore()),
                "solvedAnswers", s.solvedAnswers(), "solvedRate", show(s.solvedRate()));
    }

    /** A duration as h:mm:ss (signed-in times run to hours). */
    static String hms(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static Map<String, String> coverage(CoverageRow c, String field, Function<String, String> t) {
        return row("group", field.isEmpty() ? ReportCsv.value(t, c.group()) : ReportCsv.value(t, field, c.group()), "registered", c.registered(), "reached", c.reached(),
                "percent", show(c.percent()));
    }

    private static List<Map<String, String>> tallies(List<Tally> tallies, Function<String, String> label) {
        return tallies.stream().map(x -> row("label", label.apply(x.label()), "count", x.count())).toList();
    }

    private static Map<String, String> row(Object... keyValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        return row;
    }

    private static String show(Double value) {
        return value == null ? "—" : String.valueOf(value);
    }
}
