package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Crisis calls of a period (menu category CRISIS_INTERVENTION, which key 0 "help now" also
 * chooses), each with its case, how the call ended and when the first follow-up call was tried.
 * A high-risk caller who chose another category is urgent for routing but is not listed here:
 * contacts do not yet record that flag. Blocking.
 */
public final class CrisisFigures {

    static final String CRISIS = "CRISIS_INTERVENTION";

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> followups;
    private final MongoCollection<Document> counselors;

    public CrisisFigures(MongoStore store) {
        this.contacts = ReportCollections.of(store, CollectionNames.CONTACTS);
        this.cases = ReportCollections.of(store, CollectionNames.CASES);
        this.followups = ReportCollections.of(store, CollectionNames.FOLLOWUPS);
        this.counselors = ReportCollections.of(store, CollectionNames.COUNSELORS);
    }

    /** The period's crisis calls, oldest first. */
    public List<CrisisRow> rows(ReportPeriod period) {
        List<Document> pipeline = new ArrayList<>(List.of(new Document("$match", ServiceFigures.inboundCalls(period))));
        pipeline.addAll(stages());
        return rows(contacts.aggregate(pipeline).into(new ArrayList<>()));
    }

    /** The crisis calls' fields, after the period's $match. */
    static List<Document> stages() {
        return List.of(new Document("$match", new Document("category", CRISIS)), new Document("$project",
                new Document("caseId", 1).append("startedAt", 1).append("disposition", 1).append("answeredBy", 1)));
    }

    /** The rows for the crisis calls {@link #stages} selected, with their cases and follow-ups. */
    List<CrisisRow> rows(List<Document> calls) {
        List<String> caseIds = calls.stream().map(c -> c.getString("caseId")).distinct().toList();
        Map<String, Document> caseById = new HashMap<>();
        cases.find(new Document("_id", new Document("$in", caseIds.stream().filter(CareFigures::isObjectId)
                        .map(ObjectId::new).toList())))
                .projection(new Document("number", 1).append("status", 1))
                .forEach(c -> caseById.put(c.getObjectId("_id").toHexString(), c));
        Map<String, List<Instant>> attemptsByCase = new HashMap<>();
        followups.find(new Document("caseId", new Document("$in", caseIds))).projection(new Document("caseId", 1)
                .append("attempts", 1)).forEach(f -> f.getList("attempts", Document.class, List.of()).stream()
                // an attempt the counselor missed never reached the worker's phone
                .filter(a -> !Boolean.FALSE.equals(a.getBoolean("counted"))).forEach(a ->
                        attemptsByCase.computeIfAbsent(f.getString("caseId"), k -> new ArrayList<>())
                                .add(a.getDate("at").toInstant())));
        List<CrisisRow> rows = new ArrayList<>();
        // the counselor by name, as the page and the CSV show them, not by database id
        Map<String, String> names = calls.isEmpty() ? Map.of() : CounselorFigures.names(counselors);
        for (Document call : calls) {
            Instant started = call.getDate("startedAt").toInstant();
            Document careCase = caseById.getOrDefault(call.getString("caseId"), new Document());
            Optional<Instant> first = attemptsByCase.getOrDefault(call.getString("caseId"), List.of()).stream()
                    .filter(at -> !at.isBefore(started)).min(Comparator.naturalOrder());
            rows.add(new CrisisRow(started, str(careCase, "number"), str(call, "disposition"),
                    names.getOrDefault(str(call, "answeredBy"), str(call, "answeredBy")),
                    str(careCase, "status"), first));
        }
        rows.sort(Comparator.comparing(CrisisRow::startedAt));
        return rows;
    }

    private static String str(Document d, String key) {
        Object value = d.get(key);
        return value == null ? "" : value.toString();
    }
}
