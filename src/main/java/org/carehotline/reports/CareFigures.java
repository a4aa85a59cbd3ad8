package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * What the union reports: cases opened and closed, calls and cases by category, and who the
 * callers are (occupation, region, dialect). Callers are joined here rather than with $lookup
 * because cases keep the caller id as a string. Blocking.
 */
public final class CareFigures {

    /** The caller fields the page breaks cases down by. */
    public static final List<String> CALLER_FIELDS = List.of("occupation", "region", "dialect");
    /** On a case anonymised by the retention sweep: its caller's {@link #CALLER_FIELDS}, copied before the link went. */
    public static final String CALLER_FIGURES = "callerFigures";

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> callers;

    public CareFigures(MongoStore store) {
        this.cases = ReportCollections.of(store, CollectionNames.CASES);
        this.contacts = ReportCollections.of(store, CollectionNames.CONTACTS);
        this.callers = ReportCollections.of(store, CollectionNames.CALLERS);
    }

    /** Cases opened in the period. */
    public long casesOpened(ReportPeriod period) {
        return cases.countDocuments(new Document("openedAt", range(period)));
    }

    /** Cases closed in the period (a CLOSED entry in the status history dated in it). */
    public long casesClosed(ReportPeriod period) {
        return cases.countDocuments(new Document("statusHistory", new Document("$elemMatch",
                new Document("status", "CLOSED").append("at", range(period)))));
    }

    /** Inbound calls of the period by menu category ("calls for psychological help"). */
    public List<Tally> callsByCategory(ReportPeriod period) {
        return tallies(contacts.aggregate(List.of(new Document("$match", ServiceFigures.inboundCalls(period)),
                categoryStage())));
    }

    /** Calls per category, after the period's $match. */
    static Document categoryStage() {
        return new Document("$group", new Document("_id", "$category").append("n", new Document("$sum", 1)));
    }

    /** Cases opened in the period by category; a case with several categories counts under each. */
    public List<Tally> casesByCategory(ReportPeriod period) {
        return tallies(cases.aggregate(List.of(new Document("$match", new Document("openedAt", range(period))),
                new Document("$unwind", "$categories"),
                new Document("$group", new Document("_id", "$categories").append("n", new Document("$sum", 1))))));
    }

    /** Cases opened in the period by a caller field; anonymous callers and blanks count under "". */
    public Map<String, List<Tally>> casesByCaller(ReportPeriod period) {
        List<String> callerIds = new ArrayList<>();
        List<Document> kept = new ArrayList<>();
        for (Document c : cases.find(new Document("openedAt", range(period)))
                .projection(new Document("callerId", 1).append(CALLER_FIGURES, 1))) {
            callerIds.add(c.getString("callerId"));
            kept.add(c.get(CALLER_FIGURES, Document.class));
        }
        Map<String, Document> profiles = profiles(callerIds.stream().filter(CareFigures::isObjectId)
                .collect(Collectors.toSet()));
        Map<String, List<Tally>> result = new TreeMap<>();
        for (String field : CALLER_FIELDS) {
            Map<String, Long> counts = new TreeMap<>();
            for (int i = 0; i < callerIds.size(); i++) {
                String id = callerIds.get(i);
                // an anonymised case has no caller any more, only the figures copied from it
                Document profile = kept.get(i) != null ? kept.get(i) : id == null ? null : profiles.get(id);
                String value = profile == null || profile.getString(field) == null ? "" : profile.getString(field);
                counts.merge(value, 1L, Long::sum);
            }
            result.put(field, counts.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue())).toList());
        }
        return result;
    }

    private Map<String, Document> profiles(Set<String> ids) {
        Map<String, Document> byId = new TreeMap<>();
        List<ObjectId> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(new ObjectId(id));
            if (batch.size() == 1000) {
                readProfiles(batch, byId);
            }
        }
        readProfiles(batch, byId);
        return byId;
    }

    private void readProfiles(List<ObjectId> batch, Map<String, Document> into) {
        if (!batch.isEmpty()) {
            callers.find(new Document("_id", new Document("$in", batch)))
                    .projection(new Document("occupation", 1).append("region", 1).append("dialect", 1))
                    .forEach(d -> into.put(d.getObjectId("_id").toHexString(), d));
            batch.clear();
        }
    }

    static boolean isObjectId(String id) {
        return id != null && ObjectId.isValid(id);
    }

    static Document range(ReportPeriod period) {
        return new Document("$gte", Date.from(period.start())).append("$lt", Date.from(period.end()));
    }

    /** Tallies from {_id, n} groups, largest first; a missing _id becomes "". */
    static List<Tally> tallies(Iterable<Document> groups) {
        List<Tally> tallies = new ArrayList<>();
        for (Document g : groups) {
            Object id = g.get("_id");
            tallies.add(new Tally(id == null ? "" : id.toString(), ServiceFigures.n(g, "n")));
        }
        tallies.sort((a, b) -> Long.compare(b.count(), a.count()) != 0 ? Long.compare(b.count(), a.count())
                : a.label().compareTo(b.label()));
        return tallies;
    }
}
