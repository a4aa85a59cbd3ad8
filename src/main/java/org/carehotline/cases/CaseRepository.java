package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Cases in MongoDB. Status changes are named operations that append to the status history. Blocking. */
public final class CaseRepository {

    private final MongoCollection<Document> cases;
    private final CaseNumbers numbers;

    public CaseRepository(MongoStore store, ZoneId zone) {
        this.cases = store.database().getCollection(CollectionNames.CASES);
        this.numbers = new CaseNumbers(store, zone);
    }

    /** The caller's case that is not closed, the most recently updated if several. */
    public Optional<CareCase> findOpenForCaller(String callerId) {
        return Optional.ofNullable(cases.find(and(eq("callerId", callerId), ne("status", CaseStatus.CLOSED.name())))
                .sort(Sorts.descending("updatedAt")).first()).map(CaseRepository::toCase);
    }

    /**
     * Opens a new case; callerId and phone are null for an anonymous caller. A case number
     * taken twice (the unique index refuses it) is never fatal: a fresh number is drawn.
     */
    public CareCase open(String callerId, String phone, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                return insertCase(callerId, phone, at);
            } catch (com.mongodb.MongoWriteException e) {
                if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    private CareCase insertCase(String callerId, String phone, Instant at) {
        Document doc = new Document("_id", new ObjectId())
                .append("number", numbers.next(at))
                .append("callerId", callerId)
                .append("phone", phone)
                .append("status", CaseStatus.OPEN.name())
                .append("statusHistory", List.of(historyEntry(CaseStatus.OPEN, at, "system", "first call")))
                .append("categories", new ArrayList<String>())
                .append("openedAt", Date.from(at))
                .append("updatedAt", Date.from(at))
                .append("contactCount", 0);
        cases.insertOne(doc);
        return toCase(doc);
    }

    /** A contact was added to the case: count it, note its category, bump the update time. */
    public void recordContact(String caseId, Instant at) {
        cases.updateOne(eq("_id", new ObjectId(caseId)),
                combine(inc("contactCount", 1), set("updatedAt", Date.from(at)), set("lastContactAt", Date.from(at))));
    }

    public void addCategory(String caseId, Category category) {
        cases.updateOne(eq("_id", new ObjectId(caseId)), addToSet("categories", category.name()));
    }

    /** A counselor took a call on the case: an open case becomes active and gets that counselor as owner. */
    public void recordCounselorAnswered(String caseId, String counselorId, Instant at) {
        ObjectId id = new ObjectId(caseId);
        cases.updateOne(and(eq("_id", id), exists("ownerId", false)), set("ownerId", counselorId));
        cases.updateOne(and(eq("_id", id), eq("status", CaseStatus.OPEN.name())),
                combine(set("status", CaseStatus.ACTIVE.name()),
                        push("statusHistory", historyEntry(CaseStatus.ACTIVE, at, counselorId, "call answered"))));
    }

    public Optional<CareCase> findById(String caseId) {
        return Optional.ofNullable(cases.find(eq("_id", new ObjectId(caseId))).first()).map(CaseRepository::toCase);
    }

    /** The most recently updated cases, newest first. */
    public List<CareCase> recent(int limit) {
        return cases.find().sort(Sorts.descending("updatedAt")).limit(limit).map(CaseRepository::toCase)
                .into(new ArrayList<>());
    }

    private static Document historyEntry(CaseStatus status, Instant at, String by, String note) {
        return new Document("status", status.name()).append("at", Date.from(at)).append("by", by).append("note", note);
    }

    static CareCase toCase(Document d) {
        List<Category> categories = d.getList("categories", String.class, List.of()).stream()
                .map(Category::valueOf).toList();
        return new CareCase(
                d.getObjectId("_id").toHexString(),
                d.getString("number"),
                Docs.optionalString(d, "callerId"),
                Docs.optionalString(d, "phone"),
                CaseStatus.valueOf(d.getString("status")),
                categories,
                Docs.optionalString(d, "ownerId"),
                Docs.instant(d, "openedAt").orElse(Instant.EPOCH),
                Docs.instant(d, "updatedAt").orElse(Instant.EPOCH),
                d.getInteger("contactCount", 0));
    }
}
