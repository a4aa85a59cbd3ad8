package org.carehotline.followups;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Follow-ups are durable work records in MongoDB: a scheduler claims them later. For now the
 * only producer is a caller's call-back request from the inbound line. Blocking.
 */
public final class FollowUpRepository {

    /** A worker asked to be called back instead of waiting. */
    public static final String REASON_CALLBACK_REQUEST = "callback_request";
    public static final String STATUS_PENDING = "pending";
    /** Nobody is named: any fitting counselor may make the call. */
    public static final String ASSIGNEE_POOL = "pool";

    private final MongoCollection<Document> followups;

    public FollowUpRepository(MongoStore store) {
        this.followups = store.database().getCollection(CollectionNames.FOLLOWUPS);
    }

    /** Records a call-back request due now, assigned to the pool, and returns its id. */
    public String requestCallback(String caseId, String phone, String contactId, Instant at) {
        ObjectId id = new ObjectId();
        followups.insertOne(new Document("_id", id)
                .append("caseId", caseId)
                .append("phone", phone)
                .append("sourceContactId", contactId)
                .append("reason", REASON_CALLBACK_REQUEST)
                .append("mode", "counselor_call")
                .append("assignee", ASSIGNEE_POOL)
                .append("status", STATUS_PENDING)
                .append("dueAt", Date.from(at))
                .append("attempts", new ArrayList<Document>())
                .append("maxAttempts", 3)
                .append("createdAt", Date.from(at)));
        return id.toHexString();
    }

    /** A case's follow-ups, by due time. */
    public List<FollowUp> forCase(String caseId) {
        return followups.find(eq("caseId", caseId)).sort(Sorts.ascending("dueAt"))
                .map(d -> new FollowUp(d.getObjectId("_id").toHexString(), d.getString("caseId"),
                        d.getString("phone"), d.getString("reason"), d.getString("assignee"),
                        d.getString("status"), d.getDate("dueAt").toInstant()))
                .into(new ArrayList<>());
    }
}
