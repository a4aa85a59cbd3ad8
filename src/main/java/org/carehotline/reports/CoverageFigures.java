package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Coverage: of the workers in the union's registry (callers with {@code registered: true}), how
 * many the hotline has reached. "Reached" means any contact with their number (a call in, or a
 * follow-up call out recorded as a contact) or a follow-up with at least one attempt. Blocking.
 */
public final class CoverageFigures {

    /** The whole registry, then by occupation and by region. */
    public record Coverage(CoverageRow all, List<CoverageRow> byOccupation, List<CoverageRow> byRegion) {}

    /** Set by the retention sweep on a registered worker reached on a case it swept. */
    public static final String REACHED = "reached";

    private final MongoCollection<Document> callers;
    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> followups;

    public CoverageFigures(MongoStore store) {
        this.callers = ReportCollections.of(store, CollectionNames.CALLERS);
        this.contacts = ReportCollections.of(store, CollectionNames.CONTACTS);
        this.followups = ReportCollections.of(store, CollectionNames.FOLLOWUPS);
    }

    public Coverage coverage() {
        List<Document> registered = callers.find(new Document("registered", true))
                .projection(new Document("phone", 1).append("occupation", 1).append("region", 1)
                        .append(REACHED, 1))
                .into(new ArrayList<>());
        Set<String> reached = reached(registered.stream().map(d -> d.getString("phone"))
                .collect(java.util.stream.Collectors.toSet()));
        // reached on a case the retention sweep has since anonymised or deleted: the number is gone from it
        registered.stream().filter(d -> d.getBoolean(REACHED, false)).forEach(d -> reached.add(d.getString("phone")));
        long reachedAll = registered.stream().filter(d -> reached.contains(d.getString("phone"))).count();
        return new Coverage(new CoverageRow("", registered.size(), reachedAll),
                groups(registered, reached, d -> d.getString("occupation")),
                groups(registered, reached, d -> d.getString("region")));
    }

    /**
     * The registered numbers that appear on a contact or on a tried follow-up. One $group pass
     * per collection rather than $in batches: the embedded server would scan the contacts once
     * per batch, and a cursor has no 16 MB limit as distinct has.
     */
    private Set<String> reached(Set<String> phones) {
        Set<String> reached = new HashSet<>();
        Document byPhone = new Document("$group", new Document("_id", "$phone"));
        for (Document g : contacts.aggregate(List.of(byPhone))) {
            addIfRegistered(g, phones, reached);
        }
        for (Document g : followups.aggregate(List.of(new Document("$match",
                new Document("attempts.0", new Document("$exists", true))), byPhone))) {
            addIfRegistered(g, phones, reached);
        }
        return reached;
    }

    private static void addIfRegistered(Document group, Set<String> phones, Set<String> reached) {
        if (group.get("_id") instanceof String phone && phones.contains(phone)) {
            reached.add(phone);
        }
    }

    private static List<CoverageRow> groups(List<Document> registered, Set<String> reached,
                                            Function<Document, String> group) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Document d : registered) {
            String key = group.apply(d) == null ? "" : group.apply(d);
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            c[1] += reached.contains(d.getString("phone")) ? 1 : 0;
        }
        List<CoverageRow> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new CoverageRow(k, c[0], c[1])));
        return rows;
    }
}
