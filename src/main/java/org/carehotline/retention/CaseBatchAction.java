package org.carehotline.retention;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Anonymising or deleting a batch of closed cases that have no open follow-up, with everything on them. */
abstract class CaseBatchAction {

    final CaseCollections c;
    final CallerRecords callers;

    CaseBatchAction(CaseCollections collections, CallerRecords callers) {
        this.c = collections;
        this.callers = callers;
    }

    /**
     * What {@link #apply} would change alongside these cases now; the cases themselves and their
     * callers are counted by the caller, across batches.
     */
    final CaseTally count(List<Document> cases) {
        return c.count(ids(cases), this::scope, attached());
    }

    /**
     * Changes the records of these cases, then each case, each conditioned on the case still
     * being closed: children first, so that a sweep cut off halfway leaves the case to the next
     * one, which redoes what is left (every step is idempotent).
     */
    abstract Applied apply(List<Document> cases, Instant now);

    /** The records of a case this action still has to change, of those {@code filter} selects. */
    abstract Bson scope(Bson filter);

    /** The collections besides contacts, notes and follow-ups that this action changes. */
    abstract List<MongoCollection<Document>> attached();

    /** The numbers of the cases changed, and the records changed with them. */
    record Applied(List<String> numbers, CaseTally tally) {}

    static List<String> ids(List<Document> cases) {
        return cases.stream().map(d -> d.getObjectId("_id").toHexString()).toList();
    }
}
