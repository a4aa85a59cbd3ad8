package org.carehotline.presence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.routing.PresenceState;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * The presence log in MongoDB: one document per interval ({@code counselorId, state, reason,
 * from, to}), written by one server ({@code server}) which marks its open intervals as seen
 * ({@code seenAt}) while it runs. Blocking.
 */
public final class PresenceLogRepository {

    private final MongoCollection<Document> log;

    public PresenceLogRepository(MongoStore store) {
        this.log = store.database().getCollection(CollectionNames.PRESENCE_LOG);
    }

    /**
     * Stores a batch in one ordered bulk write. An interval opened and closed within the batch is
     * inserted closed, so a busy second costs one insert per interval, not an insert and an update.
     */
    void write(List<IntervalWrite> writes, String server, Instant now) {
        Map<String, Document> inserts = new LinkedHashMap<>();
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (IntervalWrite w : writes) {
            if (w instanceof IntervalWrite.Opened opened) {
                inserts.put(opened.interval().id(), toDocument(opened.interval(), server, now));
            } else if (w instanceof IntervalWrite.Closed closed) {
                Document pending = inserts.get(closed.id());
                if (pending != null) {
                    pending.put("to", Date.from(closed.to()));
                } else {
                    updates.add(new UpdateOneModel<>(eq("_id", new ObjectId(closed.id())),
                            Updates.set("to", Date.from(closed.to()))));
                }
            }
        }
        List<WriteModel<Document>> models = new ArrayList<>(updates);
        inserts.values().forEach(d -> models.add(new InsertOneModel<>(d)));
        if (!models.isEmpty()) {
            log.bulkWrite(models);
        }
    }

    /** Marks this server's open intervals as seen now: a crash then loses at most the time since. */
    void heartbeat(String server, Instant now) {
        log.updateMany(and(eq("server", server), eq("to", null)), Updates.set("seenAt", Date.from(now)));
    }

    /**
     * Closes the open intervals another server (or an earlier run of this one) stopped marking
     * before {@code staleBefore}: a wrap-up at its own end (the counselor's wrap-up ran its time
     * whatever became of the server), any other when it was last seen.
     *
     * @return how many were closed
     */
    int closeStale(String server, Instant staleBefore) {
        int closed = 0;
        for (Document d : log.find(and(eq("to", null), ne("server", server), lt("seenAt", Date.from(staleBefore))))) {
            Date end = d.getDate("endsAt") != null ? d.getDate("endsAt") : d.getDate("seenAt");
            if (end.before(d.getDate("from"))) {
                end = d.getDate("from");
            }
            log.updateOne(and(eq("_id", d.get("_id")), eq("to", null)), Updates.set("to", end));
            closed++;
        }
        return closed;
    }

    /** A counselor's intervals overlapping [from, to), oldest first (for the console and tests). */
    public List<PresenceInterval> overlapping(String counselorId, Instant from, Instant to) {
        return log.find(and(eq("counselorId", counselorId), lt("from", Date.from(to)),
                        new Document("$or", List.of(new Document("to", null),
                                new Document("to", new Document("$gt", Date.from(from)))))))
                .sort(Sorts.ascending("from")).map(PresenceLogRepository::toInterval).into(new ArrayList<>());
    }

    private static Document toDocument(PresenceInterval i, String server, Instant now) {
        Document d = new Document("_id", new ObjectId(i.id())).append("counselorId", i.counselorId())
                .append("state", i.state().name()).append("reason", i.reason()).append("from", Date.from(i.from()))
                .append("to", i.to().map(Date::from).orElse(null)).append("server", server)
                .append("seenAt", Date.from(now));
        i.endsAt().ifPresent(end -> d.append("endsAt", Date.from(end)));
        return d;
    }

    private static PresenceInterval toInterval(Document d) {
        return new PresenceInterval(d.getObjectId("_id").toHexString(), d.getString("counselorId"),
                PresenceState.valueOf(d.getString("state")), d.getString("reason"), d.getDate("from").toInstant(),
                Optional.ofNullable(d.getDate("to")).map(Date::toInstant),
                Optional.ofNullable(d.getDate("endsAt")).map(Date::toInstant));
    }
}
