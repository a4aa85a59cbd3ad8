package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Retention of a log-like collection (audit entries, presence intervals): each document stands
 * alone, dated by one field; past the cutoff it is deleted, or has its personal fields blanked
 * and is marked {@code anonymisedAt} so that the next sweep passes over it. Works in batches of
 * ids: one read of at most {@code batchSize} ids, then one write naming them. Blocking.
 */
final class LogRetention {

    static final String ANONYMISED_AT = "anonymisedAt";

    private final MongoCollection<Document> log;
    private final String dateField;
    private final Bson blanked;

    /**
     * @param dateField the field a document is dated by (a document without it is never touched)
     * @param blanked   the update that anonymises a document
     */
    LogRetention(MongoCollection<Document> log, String dateField, Bson blanked) {
        this.log = log;
        this.dateField = dateField;
        this.blanked = blanked;
    }

    /** How many documents a sweep with this rule would change now. */
    long count(RetentionAction action, Instant cutoff) {
        return log.countDocuments(pastPeriod(action, cutoff));
    }

    /**
     * Anonymises or deletes everything past the cutoff, a batch at a time.
     *
     * @param afterBatch called after each batch (the sweep renews its lock there)
     * @return how many documents were changed
     */
    long apply(RetentionAction action, Instant cutoff, Instant now, int batchSize, Runnable afterBatch) {
        Bson filter = pastPeriod(action, cutoff);
        Bson anonymise = combine(blanked, set(ANONYMISED_AT, Date.from(now)));
        long changed = 0;
        while (true) {
            List<Object> ids = log.find(filter).projection(Projections.include("_id")).limit(batchSize)
                    .map(d -> d.get("_id")).into(new ArrayList<>());
            if (ids.isEmpty()) {
                return changed;
            }
            // the filter again: a document changed since the read is left for the next sweep
            Bson batch = and(in("_id", ids), filter);
            changed += action == RetentionAction.DELETE ? log.deleteMany(batch).getDeletedCount()
                    : log.updateMany(batch, anonymise).getModifiedCount();
            afterBatch.run();
            if (ids.size() < batchSize) {
                return changed;
            }
        }
    }

    private Bson pastPeriod(RetentionAction action, Instant cutoff) {
        // the explicit "not null": the embedded server compares null with a date where MongoDB would not
        Bson dated = and(ne(dateField, null), lt(dateField, Date.from(cutoff)));
        return action == RetentionAction.DELETE ? dated : and(dated, exists(ANONYMISED_AT, false));
    }
}
