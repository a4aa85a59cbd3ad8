package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * The line's service figures per bucket, from one aggregation over the period's inbound calls.
 * Uses only stages the embedded server supports: $match on the (kind, startedAt) index, then
 * $group on $dateToString with the hotline's zone and $sum of $cond. Weeks are folded from
 * days here. Blocking.
 */
public final class ServiceFigures {

    /** answeredBy of a call put through to the on-call crisis counselor's number (see CallRecorder.ON_CALL). */
    static final String ON_CALL = "oncall";

    private final MongoCollection<Document> contacts;
    private final ReportSettings settings;

    public ServiceFigures(MongoStore store, ReportSettings settings) {
        this.contacts = ReportCollections.of(store, CollectionNames.CONTACTS);
        this.settings = settings;
    }

    /** One row per bucket of the period, in order, quiet buckets included as zeros. */
    public List<ServiceRow> byBucket(ReportPeriod period) {
        List<Document> pipeline = new ArrayList<>(List.of(new Document("$match", inboundCalls(period))));
        pipeline.addAll(stages(period));
        return rows(contacts.aggregate(pipeline), period);
    }

    /** The period's inbound calls: the $match every contact-based part starts from. */
    static Document inboundCalls(ReportPeriod period) {
        return new Document("kind", "inbound_call").append("startedAt", CareFigures.range(period));
    }

    /** The rows from the groups the stages produced. */
    static List<ServiceRow> rows(Iterable<Document> groups, ReportPeriod period) {
        Map<String, ServiceRow> rows = new LinkedHashMap<>();
        period.labels().forEach(label -> rows.put(label, ServiceRow.empty(label)));
        for (Document g : groups) {
            String label = period.label(g.getString("_id"));
            ServiceRow row = toRow(label, g);
            rows.merge(label, row, ServiceRow::plus);
        }
        return new ArrayList<>(rows.values());
    }

    /** The period's totals, the sum of its buckets. */
    public static ServiceRow total(List<ServiceRow> rows) {
        return rows.stream().reduce(ServiceRow.empty("total"), ServiceRow::plus).relabel("total");
    }

    /** The stages after {@link #inboundCalls}: one $group per bucket. */
    List<Document> stages(ReportPeriod period) {
        Document bucket = new Document("$dateToString", new Document("format", period.groupFormat())
                .append("date", "$startedAt").append("timezone", period.zone().getId()));
        Document wait = new Document("$ifNull", List.of("$waitSeconds", 0));
        Document answered = is("disposition", "ANSWERED");
        Document abandoned = is("disposition", "ABANDONED");
        Document group = new Document("_id", bucket)
                .append("offered", new Document("$sum", 1))
                .append("answered", countIf(answered))
                .append("abandoned", countIf(abandoned))
                .append("shortAbandoned", countIf(new Document("$and",
                        List.of(abandoned, new Document("$lt", List.of(wait, settings.shortAbandonSeconds()))))))
                .append("noAnswer", countIf(is("disposition", "NO_ANSWER")))
                .append("callbacks", countIf(is("disposition", "CALLBACK_REQUESTED")))
                .append("overflow", countIf(new Document("$or",
                        List.of(is("disposition", "FALLBACK"), is("answeredBy", ON_CALL)))))
                .append("answeredInTarget", countIf(new Document("$and",
                        List.of(answered, new Document("$lte", List.of(wait, settings.serviceLevelSeconds()))))))
                .append("answerWait", new Document("$sum", new Document("$cond", List.of(answered, wait, 0))))
                .append("talk", new Document("$sum", new Document("$cond",
                        List.of(answered, new Document("$ifNull", List.of("$talkSeconds", 0)), 0))));
        return List.of(new Document("$group", group));
    }

    private static Document is(String field, String value) {
        return new Document("$eq", List.of("$" + field, value));
    }

    private static Document countIf(Document condition) {
        return new Document("$sum", new Document("$cond", List.of(condition, 1, 0)));
    }

    private static ServiceRow toRow(String label, Document g) {
        return new ServiceRow(label, n(g, "offered"), n(g, "answered"), n(g, "abandoned"), n(g, "shortAbandoned"),
                n(g, "noAnswer"), n(g, "callbacks"), n(g, "overflow"), n(g, "answeredInTarget"),
                n(g, "answerWait"), n(g, "talk"));
    }

    static long n(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
