package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Today's figures for the live board, counted from the contacts. Blocking. */
public final class DailyFigures {

    /** Calls since the start of the day, answered, abandoned, call-backs asked for, the average wait of answered calls. */
    public record Figures(long calls, long answered, long abandoned, long callbacks, long averageWaitSeconds) {}

    private final MongoCollection<Document> contacts;

    public DailyFigures(MongoStore store) {
        this.contacts = store.database().getCollection(CollectionNames.CONTACTS);
    }

    public Figures since(Instant startOfDay) {
        Bson today = and(eq("kind", ContactRepository.KIND_INBOUND_CALL), gte("startedAt", Date.from(startOfDay)));
        long calls = contacts.countDocuments(today);
        long answered = contacts.countDocuments(and(today, eq("disposition", Disposition.ANSWERED.name())));
        long abandoned = contacts.countDocuments(and(today, eq("disposition", Disposition.ABANDONED.name())));
        long callbacks = contacts.countDocuments(and(today, eq("disposition", Disposition.CALLBACK_REQUESTED.name())));
        long waitSum = 0;
        long waitCount = 0;
        // summed here rather than with $group: small numbers per day, and portable to the embedded server
        for (Document d : contacts.find(and(today, eq("disposition", Disposition.ANSWERED.name())))
                .projection(Projections.include("waitSeconds"))) {
            if (d.get("waitSeconds") instanceof Number n) {
                waitSum += n.longValue();
                waitCount++;
            }
        }
        return new Figures(calls, answered, abandoned, callbacks, waitCount == 0 ? 0 : waitSum / waitCount);
    }
}
