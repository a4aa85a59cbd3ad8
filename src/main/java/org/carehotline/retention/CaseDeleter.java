package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.carehotline.cases.CaseStatus;

/**
 * Deletes closed cases with everything on them: contacts, notes, finished follow-ups and
 * surveys, onward referrals, emergency records, crisis alerts, staff referrals. The reports of
 * their periods lose them; registered workers reached on them still count as reached. Blocking.
 */
final class CaseDeleter extends CaseBatchAction {

    CaseDeleter(CaseCollections collections, CallerRecords callers) {
        super(collections, callers);
    }

    @Override
    Applied apply(List<Document> cases, Instant now) {
        List<String> ids = ids(cases);
        callers.keepReached(ids);
        long contacts = c.contacts().deleteMany(CaseCollections.ofCases(ids)).getDeletedCount();
        long notes = c.notes().deleteMany(CaseCollections.ofCases(ids)).getDeletedCount();
        long followUps = c.followUps().deleteMany(CaseCollections.finishedFollowUps(ids)).getDeletedCount();
        long attached = attached().stream().mapToLong(a -> a.deleteMany(CaseCollections.ofCases(ids))
                .getDeletedCount()).sum();
        List<String> numbers = new ArrayList<>();
        Set<String> callerIds = new LinkedHashSet<>();
        for (Document caseDoc : cases) {
            if (c.cases().deleteOne(and(eq("_id", caseDoc.getObjectId("_id")), eq("status", CaseStatus.CLOSED.name())))
                    .getDeletedCount() == 1) {
                numbers.add(caseDoc.getString("number"));
                CallerRecords.callerId(caseDoc).ifPresent(callerIds::add);
            }
        }
        return new Applied(numbers, new CaseTally(contacts, notes, followUps, attached,
                callers.release(callerIds, now)));
    }

    @Override
    Bson scope(Bson filter) {
        return filter;
    }

    @Override
    List<MongoCollection<Document>> attached() {
        return List.of(c.onward(), c.emergency(), c.alerts(), c.referrals());
    }
}
