package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.cases.CaseStatus;
import org.carehotline.reports.CareFigures;

/**
 * Anonymises closed cases: what identifies a worker goes (numbers, the caller link, names given
 * by or about them, every free text), what the reports count stays (dates, status history with
 * who and when, categories, risk levels, dispositions, waits and talk times, counselors, survey
 * scores). The caller's occupation, region and dialect are copied onto the case first
 * ({@link CareFigures#CALLER_FIGURES}), so that the caller breakdown still counts it once the profile is gone.
 * Strings are blanked rather than removed: the pages read them as present. Blocking.
 */
final class CaseAnonymiser extends CaseBatchAction {

    private static final String AT = LogRetention.ANONYMISED_AT;

    CaseAnonymiser(CaseCollections collections, CallerRecords callers) {
        super(collections, callers);
    }

    @Override
    Applied apply(List<Document> cases, Instant now) {
        List<String> ids = ids(cases);
        Bson stamp = set(AT, Date.from(now));
        callers.keepReached(ids);
        long contacts = c.contacts().updateMany(scope(CaseCollections.ofCases(ids)), combine(set("callerId", ""),
                set("callerNumber", ""), set("phone", ""), set("summary", ""), set("log", List.of()), stamp))
                .getModifiedCount();
        long notes = c.notes().updateMany(scope(CaseCollections.ofCases(ids)), combine(set("text", ""), stamp))
                .getModifiedCount();
        long followUps = c.followUps().updateMany(scope(CaseCollections.finishedFollowUps(ids)),
                combine(set("phone", ""), set("log", List.of()), set("cancelReason", ""), stamp)).getModifiedCount();
        long attached = anonymiseOnward(ids, now)
                + c.emergency().updateMany(scope(CaseCollections.ofCases(ids)),
                        combine(set("contact", ""), set("detail", ""), stamp)).getModifiedCount()
                + c.referrals().updateMany(scope(CaseCollections.ofCases(ids)),
                        combine(set("referrer", ""), set("workerPhone", ""), set("situation", ""), stamp))
                        .getModifiedCount();
        List<String> numbers = new ArrayList<>();
        Set<String> callerIds = new LinkedHashSet<>();
        for (Document caseDoc : cases) {
            if (anonymiseCase(caseDoc, now)) {
                numbers.add(caseDoc.getString("number"));
                CallerRecords.callerId(caseDoc).ifPresent(callerIds::add);
            }
        }
        return new Applied(numbers, new CaseTally(contacts, notes, followUps, attached,
                callers.release(callerIds, now)));
    }

    @Override
    List<MongoCollection<Document>> attached() {
        return List.of(c.onward(), c.emergency(), c.referrals());
    }

    @Override
    Bson scope(Bson filter) {
        return and(filter, exists(AT, false));
    }

    /** Onward referrals keep organisation, kind and status history; the notes in it go. */
    private long anonymiseOnward(List<String> ids, Instant now) {
        long changed = 0;
        for (Document r : c.onward().find(scope(CaseCollections.ofCases(ids)))) {
            List<Document> history = r.getList("history", Document.class, List.of()).stream()
                    .map(h -> new Document(h).append("note", "")).toList();
            changed += c.onward().updateOne(and(eq("_id", r.get("_id")), exists(AT, false)),
                    combine(set("note", ""), set("otherKind", ""), set("history", history), set(AT, Date.from(now))))
                    .getModifiedCount();
        }
        return changed;
    }

    /** The case itself, if it is still closed and not yet anonymised. */
    private boolean anonymiseCase(Document d, Instant now) {
        List<Document> history = d.getList("statusHistory", Document.class, List.of()).stream()
                .map(h -> new Document(h).append("note", "")).toList();
        List<Document> risks = d.getList("riskHistory", Document.class, List.of()).stream()
                .map(r -> new Document(r).append("protective", "")).toList();
        List<Bson> updates = new ArrayList<>(List.of(unset("callerId"), set("phone", ""),
                set("presentingProblem", ""), set("outcome", ""), set("statusHistory", history),
                set("riskHistory", risks), set(CareFigures.CALLER_FIGURES, callerFigures(d)), set(AT, Date.from(now))));
        Document risk = d.get("risk", Document.class);
        if (risk != null) {
            updates.add(set("risk", new Document(risk).append("protective", "")));
        }
        return c.cases().updateOne(and(eq("_id", d.getObjectId("_id")), eq("status", CaseStatus.CLOSED.name()),
                exists(AT, false)), combine(updates)).getModifiedCount() == 1;
    }

    /** The caller's figures the care report breaks cases down by (blank for an anonymous caller). */
    private Document callerFigures(Document caseDoc) {
        String callerId = caseDoc.getString("callerId");
        Document caller = callerId == null || !ObjectId.isValid(callerId) ? null
                : c.callers().find(eq("_id", new ObjectId(callerId))).first();
        Document figures = new Document();
        for (String field : CareFigures.CALLER_FIELDS) {
            Object value = caller == null ? null : caller.get(field);
            figures.append(field, value instanceof String s ? s : "");
        }
        return figures;
    }

}
