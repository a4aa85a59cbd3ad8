package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** The collections a case's records live in; children name their case by its id as a string ({@code caseId}). */
record CaseCollections(MongoCollection<Document> cases, MongoCollection<Document> contacts,
                       MongoCollection<Document> notes, MongoCollection<Document> followUps,
                       MongoCollection<Document> onward, MongoCollection<Document> emergency,
                       MongoCollection<Document> alerts, MongoCollection<Document> referrals,
                       MongoCollection<Document> callers) {

    static CaseCollections of(MongoStore store) {
        var db = store.database();
        return new CaseCollections(db.getCollection(CollectionNames.CASES), db.getCollection(CollectionNames.CONTACTS),
                db.getCollection(CollectionNames.NOTES), db.getCollection(CollectionNames.FOLLOWUPS),
                db.getCollection(CollectionNames.ONWARD_REFERRALS), db.getCollection(CollectionNames.EMERGENCY_CONTACTS),
                db.getCollection(CollectionNames.CRISIS_ALERTS), db.getCollection(CollectionNames.REFERRALS),
                db.getCollection(CollectionNames.CALLERS));
    }

    /**
     * How many records of these cases, within {@code scope}, are in each kind: contacts, notes,
     * finished follow-ups, and the {@code attached} collections together.
     */
    CaseTally count(List<String> caseIds, UnaryOperator<Bson> scope, List<MongoCollection<Document>> attached) {
        Bson ofCases = ofCases(caseIds);
        return new CaseTally(contacts.countDocuments(scope.apply(ofCases)), notes.countDocuments(scope.apply(ofCases)),
                followUps.countDocuments(scope.apply(finishedFollowUps(caseIds))),
                attached.stream().mapToLong(a -> a.countDocuments(scope.apply(ofCases))).sum(), 0);
    }

    /** The records of these cases. One $in per batch: the embedded server scans a collection per query. */
    static Bson ofCases(List<String> caseIds) {
        return in("caseId", caseIds);
    }

    /** The finished follow-ups and surveys of these cases (a sweep never reaches a case with an open one). */
    static Bson finishedFollowUps(List<String> caseIds) {
        return and(ofCases(caseIds), nin("status", FollowUpStatus.OPEN));
    }
}
