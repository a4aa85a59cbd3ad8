package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardStatus;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Onward referrals (help arranged for workers elsewhere: legal aid, medical, ...) recorded in the
 * period, by kind and by where each stands now. One aggregation, {@code $match} on the recording
 * time then {@code $group} on kind and status, which the embedded server runs too. Blocking.
 */
public final class OnwardFigures {

    private final MongoCollection<Document> referrals;

    public OnwardFigures(MongoStore store) {
        this.referrals = ReportCollections.of(store, CollectionNames.ONWARD_REFERRALS);
    }

    /** One row per kind that has referrals in the period, in {@link OnwardKind} order. */
    public List<OnwardRow> byKindAndStatus(ReportPeriod period) {
        Map<OnwardKind, long[]> counts = new EnumMap<>(OnwardKind.class);
        for (Document group : referrals.aggregate(List.of(
                new Document("$match", new Document("createdAt", CareFigures.range(period))),
                new Document("$group", new Document("_id", new Document("kind", "$kind").append("status", "$status"))
                        .append("n", new Document("$sum", 1)))))) {
            Document key = group.get("_id", Document.class);
            counts.computeIfAbsent(OnwardKind.valueOf(key.getString("kind")), k -> new long[OnwardStatus.values().length])
                    [OnwardStatus.valueOf(key.getString("status")).ordinal()] += ServiceFigures.n(group, "n");
        }
        List<OnwardRow> rows = new ArrayList<>();
        counts.forEach((kind, byStatus) -> rows.add(new OnwardRow(kind.name(), Arrays.stream(byStatus).boxed().toList())));
        return rows;
    }

    /** The column sums of {@code rows}: the table's total row. */
    public static OnwardRow total(List<OnwardRow> rows) {
        long[] sums = new long[OnwardStatus.values().length];
        rows.forEach(r -> Arrays.setAll(sums, i -> sums[i] + r.counts().get(i)));
        return new OnwardRow("", Arrays.stream(sums).boxed().toList());
    }
}
