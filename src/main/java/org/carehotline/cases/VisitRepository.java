package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

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

/** Non-call contacts (visits, sessions, home visits, supplies) in the contacts collection. Blocking. */
public final class VisitRepository {

    private final MongoCollection<Document> contacts;

    public VisitRepository(MongoStore store) {
        this.contacts = store.database().getCollection(CollectionNames.CONTACTS);
    }

    /** Records a visit on a case; the case's contact count is bumped by the caller through {@link CaseRepository}. */
    public Visit record(String caseId, String kind, String summary, String byId, String byName, Instant at) {
        if (!Visit.KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a visit kind: " + kind);
        }
        ObjectId id = new ObjectId();
        contacts.insertOne(new Document("_id", id).append("caseId", caseId).append("kind", kind)
                .append("summary", summary).append("answeredBy", byId).append("byName", byName)
                .append("offers", List.of()).append("startedAt", Date.from(at)));
        return new Visit(id.toHexString(), caseId, kind, summary, byId, byName, at);
    }

    public List<Visit> forCase(String caseId) {
        return contacts.find(and(eq("caseId", caseId), in("kind", Visit.KINDS))).sort(Sorts.ascending("startedAt"))
                .map(d -> new Visit(d.getObjectId("_id").toHexString(), caseId, d.getString("kind"),
                        Docs.string(d, "summary"), Docs.string(d, "answeredBy"), Docs.string(d, "byName"),
                        d.getDate("startedAt").toInstant()))
                .into(new ArrayList<>());
    }
}
