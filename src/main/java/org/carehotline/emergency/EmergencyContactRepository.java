package org.carehotline.emergency;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Emergency records, one document per entry. Append-only by design: no update, no delete. Blocking. */
public final class EmergencyContactRepository {

    private final MongoCollection<Document> contacts;

    public EmergencyContactRepository(MongoStore store) {
        this.contacts = store.database().getCollection(CollectionNames.EMERGENCY_CONTACTS);
    }

    /** Appends an entry (its id is ignored); returns it with the id it got. */
    public EmergencyContact add(EmergencyContact e) {
        ObjectId id = new ObjectId();
        contacts.insertOne(new Document("_id", id).append("caseId", e.caseId()).append("party", e.party().name())
                .append("contact", e.contact()).append("result", e.result().name()).append("detail", e.detail())
                .append("at", Date.from(e.at())).append("by", e.byId()).append("byName", e.byName())
                .append("recordedAt", Date.from(e.recordedAt())));
        return new EmergencyContact(id.toHexString(), e.caseId(), e.party(), e.contact(), e.result(), e.detail(),
                e.at(), e.byId(), e.byName(), e.recordedAt());
    }

    /** A case's emergency record in the order things happened (then as written). */
    public List<EmergencyContact> forCase(String caseId) {
        return contacts.find(eq("caseId", caseId)).sort(Sorts.ascending("at", "recordedAt"))
                .map(d -> new EmergencyContact(d.getObjectId("_id").toHexString(), d.getString("caseId"),
                        EmergencyParty.valueOf(d.getString("party")), d.getString("contact"),
                        EmergencyResult.valueOf(d.getString("result")), d.getString("detail"),
                        d.getDate("at").toInstant(), d.getString("by"), d.getString("byName"),
                        d.getDate("recordedAt").toInstant()))
                .into(new ArrayList<>());
    }
}
