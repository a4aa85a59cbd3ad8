package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Figures from the presence log, in one aggregation the embedded server supports: the intervals
 * overlapping the period ($match), each clipped to the period and to now ($max / $min of dates,
 * $subtract), then $facet: time per counselor, state and reason; wrap-ups per bucket of their
 * start. An interval still open counts up to now, or to its own end (a wrap-up). Blocking.
 */
final class PresenceFigures {

    /** Per-counselor totals, and the wrap-up groups for {@link #withWrapUps}. */
    record Result(Map<String, PresenceTotals> byCounselor, List<Document> wrapUpGroups) {}

    private final MongoCollection<Document> log;
    private final Clock clock;

    PresenceFigures(MongoStore store, Clock clock) {
        this.log = ReportCollections.of(store, CollectionNames.PRESENCE_LOG);
        this.clock = clock;
    }

    Result compute(ReportPeriod period) {
        Date start = Date.from(period.start());
        Date end = Date.from(period.end());
        Date now = Date.from(clock.instant());
        Document openEnd = new Document("$ifNull", List.of("$to", new Document("$ifNull", List.of("$endsAt", now))));
        Document bucket = new Document("$dateToString", new Document("format", period.groupFormat())
                .append("date", "$from").append("timezone", period.zone().getId()));
        List<Document> pipeline = List.of(
                new Document("$match", new Document("from", new Document("$lt", end)).append("$or",
                        List.of(new Document("to", new Document("$gt", start)), new Document("to", null)))),
                new Document("$project", new Document("counselorId", 1).append("state", 1).append("reason", 1)
                        .append("from", 1).append("clippedFrom", new Document("$max", List.of("$from", start)))
                        .append("clippedTo", new Document("$min", List.of(openEnd, end, now)))),
                new Document("$project", new Document("counselorId", 1).append("state", 1).append("reason", 1)
                        .append("from", 1).append("ms", new Document("$max", List.of(0,
                                new Document("$subtract", List.of("$clippedTo", "$clippedFrom")))))),
                new Document("$facet", new Document("totals", List.of(new Document("$group", new Document("_id",
                        new Document("counselorId", "$counselorId").append("state", "$state").append("reason", "$reason"))
                        .append("ms", new Document("$sum", "$ms")))))
                        .append("wrapUps", List.of(new Document("$match", new Document("state", "WRAP_UP")
                                        .append("from", new Document("$gte", start).append("$lt", end))),
                                new Document("$group", new Document("_id", bucket).append("n", new Document("$sum", 1))
                                        .append("ms", new Document("$sum", "$ms")))))));
        Document result = log.aggregate(pipeline).first();
        List<Document> totals = result == null ? List.of() : result.getList("totals", Document.class, List.of());
        List<Document> wrapUps = result == null ? List.of() : result.getList("wrapUps", Document.class, List.of());
        return new Result(totals(totals), wrapUps);
    }

    /** The totals from the groups of (counselor, state, reason). */
    static Map<String, PresenceTotals> totals(List<Document> groups) {
        Map<String, long[]> ms = new LinkedHashMap<>();
        Map<String, Map<String, Long>> paused = new HashMap<>();
        for (Document g : groups) {
            Document id = g.get("_id", Document.class);
            String counselor = id.getString("counselorId");
            long[] m = ms.computeIfAbsent(counselor, k -> new long[4]);
            long value = ServiceFigures.n(g, "ms");
            switch (id.getString("state")) {
                case "AVAILABLE" -> m[0] += value;
                case "RINGING" -> m[1] += value;
                case "ON_CALL" -> m[2] += value;
                case "WRAP_UP" -> m[3] += value;
                case "PAUSED" -> paused.computeIfAbsent(counselor, k -> new HashMap<>())
                        .merge(id.getString("reason") == null ? "" : id.getString("reason"), value, Long::sum);
                default -> { } // offline time is never logged
            }
        }
        Map<String, PresenceTotals> totals = new LinkedHashMap<>();
        ms.forEach((counselor, m) -> {
            Map<String, Long> pausedSeconds = new HashMap<>();
            paused.getOrDefault(counselor, Map.of()).forEach((reason, v) -> pausedSeconds.put(reason, seconds(v)));
            long signedIn = seconds(m[0]) + seconds(m[1]) + seconds(m[2]) + seconds(m[3])
                    + pausedSeconds.values().stream().mapToLong(Long::longValue).sum();
            totals.put(counselor, new PresenceTotals(signedIn, seconds(m[0]), seconds(m[1]), seconds(m[2]),
                    seconds(m[3]), pausedSeconds));
        });
        return totals;
    }

    /** The rows with the wrap-ups that started in each bucket added. */
    static List<ServiceRow> withWrapUps(List<ServiceRow> rows, List<Document> groups, ReportPeriod period) {
        Map<String, long[]> byLabel = new HashMap<>();
        for (Document g : groups) {
            long[] w = byLabel.computeIfAbsent(period.label(g.getString("_id")), k -> new long[2]);
            w[0] += ServiceFigures.n(g, "n");
            w[1] += ServiceFigures.n(g, "ms");
        }
        return rows.stream().map(r -> {
            long[] w = byLabel.getOrDefault(r.label(), new long[2]);
            return r.withWrapUps(w[0], seconds(w[1]));
        }).toList();
    }

    private static long seconds(long ms) {
        return Math.round(ms / 1000.0);
    }
}
