package org.carehotline.alerts;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Crisis alerts, one document each. Acknowledging and re-raising are single-document atomic
 * updates guarded by the alert's state, so two supervisors acknowledging at once, or two
 * servers sweeping at once, change it only once. Blocking.
 */
public final class CrisisAlertRepository {

    /** Unacknowledged: no acknowledgement time (a missing field matches null). */
    private static final Bson OPEN = eq("acknowledgedAt", null);

    private final MongoCollection<Document> alerts;

    public CrisisAlertRepository(MongoStore store) {
        this.alerts = store.database().getCollection(CollectionNames.CRISIS_ALERTS);
    }

    /** Stores a new alert, raised now. */
    public CrisisAlert raise(String caseId, String caseNumber, String contactId, String reason, String level,
                             Instant at) {
        ObjectId id = new ObjectId();
        Document d = new Document("_id", id).append("caseId", caseId).append("caseNumber", caseNumber)
                .append("contactId", contactId).append("reason", reason).append("level", level)
                .append("raisedAt", Date.from(at)).append("lastRaisedAt", Date.from(at)).append("raises", 1);
        alerts.insertOne(d);
        return read(d);
    }

    /** Every alert nobody acknowledged yet, newest first. */
    public List<CrisisAlert> unacknowledged() {
        return alerts.find(OPEN).sort(Sorts.descending("raisedAt", "_id")).map(CrisisAlertRepository::read)
                .into(new ArrayList<>());
    }

    /** A case's alerts, acknowledged or not, for its timeline. */
    public List<CrisisAlert> forCase(String caseId) {
        return alerts.find(eq("caseId", caseId)).map(CrisisAlertRepository::read).into(new ArrayList<>());
    }

    public Optional<CrisisAlert> find(String id) {
        return ObjectId.isValid(id) ? Optional.ofNullable(alerts.find(eq("_id", new ObjectId(id))).first())
                .map(CrisisAlertRepository::read) : Optional.empty();
    }

    /** Acknowledges the alert if nobody has yet; empty when it was already acknowledged or does not exist. */
    public Optional<CrisisAlert> acknowledge(String id, String byId, String byName, Instant at) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Document d = alerts.findOneAndUpdate(and(eq("_id", new ObjectId(id)), OPEN),
                combine(set("acknowledgedAt", Date.from(at)), set("acknowledgedBy", byName), set("acknowledgedById", byId)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(CrisisAlertRepository::read);
    }

    /**
     * Raises again, at {@code now}, every unacknowledged alert last raised at or before
     * {@code cutoff}; returns those this call raised (each is claimed by its own guarded update).
     */
    public List<CrisisAlert> reraiseOlderThan(Instant cutoff, Instant now) {
        List<CrisisAlert> raised = new ArrayList<>();
        for (Document due : alerts.find(and(OPEN, lte("lastRaisedAt", Date.from(cutoff)))).into(new ArrayList<>())) {
            Document d = alerts.findOneAndUpdate(and(eq("_id", due.getObjectId("_id")), OPEN,
                            eq("lastRaisedAt", due.getDate("lastRaisedAt"))),
                    combine(set("lastRaisedAt", Date.from(now)), inc("raises", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (d != null) {
                raised.add(read(d));
            }
        }
        return raised;
    }

    private static CrisisAlert read(Document d) {
        return new CrisisAlert(d.getObjectId("_id").toHexString(), d.getString("caseId"), d.getString("caseNumber"),
                d.getString("contactId"), d.getString("reason"), d.getString("level"),
                d.getDate("raisedAt").toInstant(), d.getDate("lastRaisedAt").toInstant(), d.getInteger("raises", 1),
                Optional.ofNullable(d.getString("acknowledgedBy")),
                Optional.ofNullable(d.getDate("acknowledgedAt")).map(Date::toInstant));
    }
}
