package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Which cases a counselor or lawyer worked on: they own it, are assigned to it, or answered a
 * contact on it (a call, or a visit they recorded). Supervisors and administrators see all
 * cases; that decision is the console's. Blocking.
 */
public final class CaseVisibility {

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> contacts;

    public CaseVisibility(MongoStore store) {
        this.cases = store.database().getCollection(CollectionNames.CASES);
        this.contacts = store.database().getCollection(CollectionNames.CONTACTS);
    }

    public boolean workedOn(String caseId, String counselorId) {
        if (!ObjectId.isValid(caseId)) {
            return false;
        }
        return cases.countDocuments(and(eq("_id", new ObjectId(caseId)),
                or(eq("ownerId", counselorId), eq("assignedTo", counselorId)))) > 0
                || contacts.countDocuments(and(eq("caseId", caseId), eq("answeredBy", counselorId))) > 0;
    }

    /** Every case id the counselor worked on, for filtering lists and searches. */
    public Set<String> caseIdsWorkedBy(String counselorId) {
        Set<String> ids = new LinkedHashSet<>();
        cases.find(or(eq("ownerId", counselorId), eq("assignedTo", counselorId))).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getObjectId("_id").toHexString()));
        contacts.find(eq("answeredBy", counselorId)).projection(Projections.include("caseId"))
                .forEach(d -> ids.add(d.getString("caseId")));
        return ids;
    }

    /** The contact most recently offered to this counselor (their phone rang for it), for the screen pop after a reload. */
    public Optional<String> lastOfferedContact(String counselorId) {
        Document d = contacts.find(eq("offers.counselorId", counselorId)).sort(Sorts.descending("startedAt"))
                .projection(Projections.include("_id")).first();
        return Optional.ofNullable(d).map(x -> x.getObjectId("_id").toHexString());
    }

    /** True when this counselor was offered this contact: the card of a ringing call is theirs to see. */
    public boolean wasOffered(String contactId, String counselorId) {
        return ObjectId.isValid(contactId) && contacts.countDocuments(
                and(eq("_id", new ObjectId(contactId)), eq("offers.counselorId", counselorId))) > 0;
    }
}
