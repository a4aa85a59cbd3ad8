package org.carehotline.cases;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneId;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Human-readable case numbers, HL-2026-000042: a counter per year, incremented atomically. */
final class CaseNumbers {

    private final MongoCollection<Document> counters;
    private final ZoneId zone;

    CaseNumbers(MongoStore store, ZoneId zone) {
        this.counters = store.database().getCollection(CollectionNames.COUNTERS);
        this.zone = zone;
    }

    String next(Instant at) {
        int year = at.atZone(zone).getYear();
        // The value before the increment, plus one: under concurrency the embedded server can
        // hand back an "after" document that another increment is still changing (duplicates seen).
        Document before = counters.findOneAndUpdate(eq("_id", "cases-" + year), Updates.inc("value", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        int value = before == null ? 1 : before.getInteger("value") + 1;
        return String.format("HL-%d-%06d", year, value);
    }
}
