package org.carehotline.reports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Each part of a report as a CSV table, with the page's column titles in the page's language. */
final class ReportCsv {

    /** The parts that can be exported, as named in {@code /reports.csv?part=}. */
    static final List<String> PARTS = List.of("service", "counselors", "categories", "callers", "crises", "followups",
            "coverage", "referrals", "surveys", "ivr");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportCsv() {
    }

    /** The table of one part; throws IllegalArgumentException for an unknown part. */
    static CsvTable table(Report r, String part, Function<String, String> t) {
        ZoneId zone = r.period().zone();
        return switch (part) {
            case "service" -> {
                CsvTable csv = new CsvTable(titles(t, "period", "offered", "answered", "abandoned", "shortAbandoned",
                        "noAnswer", "callbacks", "overflow", "answeredInTarget", "answerRate", "serviceLevel", "asa",
                        "avgTalk", "avgWrapUp"));
                for (ServiceRow s : r.service()) {
                    service(csv, s.label(), s);
                }
                yield service(csv, t.apply("value.total"), r.total());
            }
            case "counselors" -> counselors(r, t);
            case "categories" -> {
                CsvTable csv = new CsvTable(titles(t, "kind", "category", "count"));
                r.callsByCategory().forEach(x -> csv.row(t.apply("col.calls"), category(t, x.label()), x.count()));
                r.casesByCategory().forEach(x -> csv.row(t.apply("col.cases"), category(t, x.label()), x.count()));
                yield csv;
            }
            case "callers" -> {
                CsvTable csv = new CsvTable(titles(t, "field", "group", "cases"));
                for (Map.Entry<String, List<Tally>> e : r.casesByCaller().entrySet()) {
                    e.getValue().forEach(x -> csv.row(t.apply("field." + e.getKey()), value(t, e.getKey(), x.label()),
                            x.count()));
                }
                yield csv;
            }
            case "crises" -> {
                CsvTable csv = new CsvTable(titles(t, "started", "case", "disposition", "answeredBy", "caseStatus",
                        "firstFollowUp", "hoursToFollowUp"));
                r.crises().forEach(c -> csv.row(LOCAL.format(c.startedAt().atZone(zone)), c.caseNumber(),
                        coded(t, "disposition", c.disposition()), c.answeredBy(), coded(t, "status", c.caseStatus()),
                        c.firstFollowUpAt().map(f -> LOCAL.format(f.atZone(zone))).orElse(""), c.hoursToFollowUp()));
                yield csv;
            }
            case "followups" -> {
                FollowUpRow f = r.followUps();
                yield new CsvTable(titles(t, "due", "made", "reached", "overdue", "attempts", "attemptsPerReach"))
                        .row(f.due(), f.made(), f.reached(), f.overdue(), f.attempts(), f.attemptsPerReach());
            }
            case "coverage" -> {
                CsvTable csv = new CsvTable(titles(t, "field", "group", "registered", "reached", "percent"));
                CoverageRow all = r.coverage().all();
                csv.row(t.apply("value.total"), "", all.registered(), all.reached(), all.percent());
                r.coverage().byOccupation().forEach(c -> coverage(csv, "occupation", t, c));
                r.coverage().byRegion().forEach(c -> coverage(csv, "region", t, c));
                yield csv;
            }
            case "referrals" -> referrals(r.onwardReferrals(), t);
            case "surveys" -> surveys(r.surveys(), t);
            case "ivr" -> ivr(r.ivr(), t);
            default -> throw new IllegalArgumentException("unknown report part " + part);
        };
    }

    /** The IVR: a row per path with its times, then the callers who left in the IVR by step. */
    private static CsvTable ivr(IvrFigures.Result ivr, Function<String, String> t) {
        CsvTable csv = new CsvTable(titles(t, "ivrPath", "calls", "ivrRang", "ivrRingP50", "ivrRingP90", "ivrHumans",
                "ivrHumanP50", "ivrHumanP90"));
        ivr.rows().forEach(x -> csv.row(t.apply("ivr.path." + x.path()), x.calls(), x.rang(), x.toRingingP50(),
                x.toRingingP90(), x.humans(), x.toHumanP50(), x.toHumanP90()));
        ivr.abandonedBySteps().forEach((step, n) -> csv.row(t.apply("col.ivrAbandoned") + ": "
                + t.apply("ivr.step." + step), n, "", "", "", "", "", ""));
        return csv;
    }

    /** Surveys: the total, then a row per category and per counselor; empty rate cells when n is 0. */
    private static CsvTable surveys(SurveyFigures.Result s, Function<String, String> t) {
        CsvTable csv = new CsvTable(titles(t, "field", "group", "surveys", "called", "surveyAnswered", "notReached",
                "refused", "talked", "scored", "satisfied", "satisfactionRate", "meanScore", "solvedAnswers", "solved",
                "solvedRate"));
        survey(csv, t.apply("value.total"), "", s.total());
        s.byCategory().forEach(x -> survey(csv, t.apply("col.category"), category(t, x.group()), x));
        s.byCounselor().forEach(x -> survey(csv, t.apply("col.counselor"), value(t, x.group()), x));
        return csv;
    }

    private static void survey(CsvTable csv, String field, String group, SurveyRow x) {
        csv.row(field, group, x.surveys(), x.called(), x.answered(), x.notReached(), x.refused(), x.talked(),
                x.scored(), x.satisfied(), x.satisfactionRate(), x.meanScore(), x.solvedAnswers(), x.solved(),
                x.solvedRate());
    }

    /** Onward referrals: a row per kind, a column per status, the totals last. */
    private static CsvTable referrals(List<OnwardRow> rows, Function<String, String> t) {
        List<String> header = new ArrayList<>(List.of(t.apply("col.referralKind")));
        header.addAll(OnwardModel.statusTitles(t));
        header.add(t.apply("value.total"));
        CsvTable csv = new CsvTable(header);
        List<OnwardRow> withTotal = new ArrayList<>(rows);
        withTotal.add(OnwardFigures.total(rows));
        for (OnwardRow r : withTotal) {
            List<Object> values = new ArrayList<>(List.of(OnwardModel.kind(r.kind(), t)));
            values.addAll(r.counts());
            values.add(r.total());
            csv.row(values.toArray());
        }
        return csv;
    }

    private static CsvTable service(CsvTable csv, String label, ServiceRow s) {
        return csv.row(label, s.offered(), s.answered(), s.abandoned(), s.shortAbandoned(), s.noAnswer(), s.callbacks(),
                s.overflow(), s.answeredInTarget(), s.answerRate(), s.serviceLevel(), s.averageSpeedOfAnswer(),
                s.averageTalkSeconds(), s.averageWrapUpSeconds());
    }

    /** One row per counselor; presence times in seconds, and a paused column per reason seen in the period. */
    private static CsvTable counselors(Report r, Function<String, String> t) {
        List<String> reasons = r.counselors().stream().flatMap(c -> c.presence().pausedByReason().keySet().stream())
                .distinct().sorted().toList();
        List<String> columns = new ArrayList<>(titles(t, "counselor", "offers", "misses", "calls", "talk", "avgTalk"));
        for (String time : List.of("signedIn", "available", "onCall", "wrapUp", "paused")) {
            columns.add(t.apply("col." + time) + t.apply("col.inSeconds"));
        }
        reasons.forEach(reason -> columns.add(t.apply("col.paused") + " · " + pauseReason(t, reason)
                + t.apply("col.inSeconds")));
        columns.add(t.apply("col.occupancy"));
        CsvTable csv = new CsvTable(columns);
        for (CounselorRow c : r.counselors()) {
            PresenceTotals p = c.presence();
            // Arrays.asList: an average or occupancy without data is null, an empty cell
            List<Object> cells = new ArrayList<>(Arrays.asList(c.name(), c.offers(), c.misses(), c.calls(),
                    c.talkSeconds(), c.averageTalkSeconds(), p.signedInSeconds(), p.availableSeconds(),
                    p.onCallSeconds(), p.wrapUpSeconds(), p.pausedSeconds()));
            reasons.forEach(reason -> cells.add(p.pausedByReason().getOrDefault(reason, 0L)));
            cells.add(p.occupancy());
            csv.row(cells.toArray());
        }
        return csv;
    }

    /** A pause reason in the page's language ("missed calls" is set by routing; others come from the console). */
    static String pauseReason(Function<String, String> t, String reason) {
        String label = t.apply("pause." + reason);
        return label.equals("pause." + reason) ? reason : label;
    }

    private static void coverage(CsvTable csv, String field, Function<String, String> t, CoverageRow c) {
        csv.row(t.apply("field." + field), value(t, field, c.group()), c.registered(), c.reached(), c.percent());
    }

    private static List<String> titles(Function<String, String> t, String... columns) {
        return List.of(columns).stream().map(c -> t.apply("col." + c)).toList();
    }

    static String category(Function<String, String> t, String category) {
        return category.isEmpty() ? t.apply("value.none") : t.apply("category." + category);
    }

    static String value(Function<String, String> t, String value) {
        return value.isEmpty() ? t.apply("value.none") : value;
    }

    /**
     * A caller field's value in the page's language: the vocabulary's label of each code
     * ({@code truck_driver} → 货车司机; dialects are comma-separated), or "not recorded".
     */
    static String value(Function<String, String> t, String field, String value) {
        if (value.isEmpty()) {
            return t.apply("value.none");
        }
        return String.join(" / ", java.util.Arrays.stream(value.split(",")).map(v -> t.apply(field + "." + v.strip()))
                .toList());
    }

    /** A code of a list in the page's language ("" stays ""): ANSWERED → 已接听 in the CSV as on the page. */
    static String coded(Function<String, String> t, String list, String code) {
        return code.isEmpty() ? "" : t.apply(list + "." + code);
    }
}
