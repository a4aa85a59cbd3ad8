package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Per-counselor figures: offers and misses from the calls' offer lists ($unwind, $group), calls
 * and talk time from who answered, and signed-in, available, on-call, wrap-up and paused time
 * (hence occupancy) from the presence log. Blocking.
 */
public final class CounselorFigures {

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> counselors;
    private final PresenceFigures presence;

    /** @param clock "now", up to which an interval still open counts */
    public CounselorFigures(MongoStore store, Clock clock) {
        this.contacts = ReportCollections.of(store, CollectionNames.CONTACTS);
        this.counselors = ReportCollections.of(store, CollectionNames.COUNSELORS);
        this.presence = new PresenceFigures(store, clock);
    }

    /** One row per counselor who was offered or answered a call, or was signed in, in the period. */
    public List<CounselorRow> rows(ReportPeriod period) {
        Document match = new Document("$match", ServiceFigures.inboundCalls(period));
        List<Document> offers = new ArrayList<>(List.of(match));
        offers.addAll(offerStages());
        List<Document> answered = new ArrayList<>(List.of(match));
        answered.addAll(answerStages());
        return rows(contacts.aggregate(offers), contacts.aggregate(answered), presence.compute(period).byCounselor());
    }

    /** Offers and misses per counselor, after the period's $match. */
    static List<Document> offerStages() {
        // an offer still without an outcome (ringing, or its DialEnd was lost) is not counted as a
        // miss, nor one the caller ended by hanging up while the phone rang (CANCEL)
        Document outcome = new Document("$ifNull", List.of("$offers.outcome", "ANSWER"));
        Document missed = new Document("$and", List.of(new Document("$ne", List.of(outcome, "ANSWER")),
                new Document("$ne", List.of(outcome, "CANCEL"))));
        return List.of(new Document("$unwind", "$offers"), new Document("$group", new Document("_id", "$offers.counselorId")
                .append("offers", new Document("$sum", 1))
                .append("misses", new Document("$sum", new Document("$cond", List.of(missed, 1, 0))))));
    }

    /** Calls and talk time per counselor who answered, after the period's $match. */
    static List<Document> answerStages() {
        return List.of(new Document("$match", new Document("answeredBy", new Document("$exists", true))),
                new Document("$group", new Document("_id", "$answeredBy")
                        .append("calls", new Document("$sum", 1))
                        .append("talk", new Document("$sum", new Document("$ifNull", List.of("$talkSeconds", 0))))));
    }

    /** The rows from the groups of {@link #offerStages} and {@link #answerStages}, with each one's presence. */
    List<CounselorRow> rows(Iterable<Document> offerGroups, Iterable<Document> answerGroups,
                            Map<String, PresenceTotals> presence) {
        Map<String, long[]> figures = new TreeMap<>();
        for (Document g : offerGroups) {
            long[] f = figures.computeIfAbsent(g.getString("_id"), k -> new long[4]);
            f[0] = ServiceFigures.n(g, "offers");
            f[1] = ServiceFigures.n(g, "misses");
        }
        for (Document g : answerGroups) {
            long[] f = figures.computeIfAbsent(g.getString("_id"), k -> new long[4]);
            f[2] = ServiceFigures.n(g, "calls");
            f[3] = ServiceFigures.n(g, "talk");
        }
        presence.keySet().forEach(id -> figures.computeIfAbsent(id, k -> new long[4]));
        Map<String, String> names = names(counselors);
        List<CounselorRow> rows = new ArrayList<>();
        figures.forEach((id, f) -> rows.add(new CounselorRow(id, names.getOrDefault(id, id), f[0], f[1], f[2], f[3],
                presence.getOrDefault(id, PresenceTotals.NONE))));
        return rows;
    }

    /** Display names by counselor id and by login (offers name the id; older data may name the login). */
    static Map<String, String> names(MongoCollection<Document> counselors) {
        Map<String, String> names = new HashMap<>();
        for (Document c : counselors.find().projection(new Document("login", 1).append("displayName", 1))) {
            String name = c.getString("displayName");
            names.put(c.getObjectId("_id").toHexString(), name);
            names.put(c.getString("login"), name);
        }
        return names;
    }
}
