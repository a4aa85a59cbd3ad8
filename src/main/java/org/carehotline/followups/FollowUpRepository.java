package org.carehotline.followups;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Follow-ups are durable work records in MongoDB, claimed by schedulers with a lease. Every
 * state change is one single-document atomic update (the embedded server has no
 * transactions), and every write gives the document a new revision ({@code rev}).
 *
 * <p>A claim reads a batch of due candidates once, then takes each with an update conditioned
 * on the revision it read: if anything changed the document since (another instance's claim,
 * a lease extension, a reschedule from the console), the condition no longer matches and the
 * candidate is skipped. Every later write about a claim is conditioned on its claim token, so
 * a scheduler whose lease was taken over can no longer change anything. Both conditions are a
 * single uniquely indexed field, which the embedded server answers from its index; a condition
 * on several fields would make it scan the whole collection on every write. Blocking.
 */
public final class FollowUpRepository {

    /** A worker asked to be called back instead of waiting. */
    public static final String REASON_CALLBACK_REQUEST = "callback_request";
    /** Kept for callers of the first version: the same as {@link FollowUpStatus#PENDING}. */
    public static final String STATUS_PENDING = FollowUpStatus.PENDING;
    /** Nobody is named: any fitting counselor may make the call. */
    public static final String ASSIGNEE_POOL = "pool";
    /** Candidates read per claim wanted: room for instances polling at once to spread out. */
    private static final int CANDIDATES_PER_CLAIM = 3;

    private final MongoCollection<Document> followups;
    private final boolean sortsFromIndexes;
    private final Random spread = new Random();

    public FollowUpRepository(MongoStore store) {
        this.followups = store.database().getCollection(CollectionNames.FOLLOWUPS);
        this.sortsFromIndexes = store.sortsFromIndexes();
    }

    /** Records a call-back request due now, assigned to the pool, and returns its id. */
    public String requestCallback(String caseId, String phone, String contactId, Instant at) {
        return requestCallback(caseId, phone, contactId, at, Optional.empty(), false);
    }

    /**
     * Records a call-back request due now, for the pool, with what the call was about: a
     * high-risk or crisis caller's call-back is served first and escalated if unreachable.
     */
    public String requestCallback(String caseId, String phone, String contactId, Instant at,
                                  Optional<org.carehotline.cases.Category> category, boolean highRisk) {
        ObjectId id = new ObjectId();
        followups.insertOne(new Document("_id", id)
                .append("rev", newRevision())
                .append("caseId", caseId)
                .append("phone", phone)
                .append("sourceContactId", contactId)
                .append("reason", REASON_CALLBACK_REQUEST)
                .append("mode", Mode.COUNSELOR_CALL.code())
                .append("assignee", ASSIGNEE_POOL)
                .append("status", FollowUpStatus.PENDING)
                .append("dueAt", Date.from(at))
                .append("firstDueAt", Date.from(at))
                .append("attemptDueAt", Date.from(at))
                .append("attempts", new ArrayList<Document>())
                .append("attemptsMade", 0)
                .append("maxAttempts", 3)
                .append("highRisk", highRisk)
                .append("category", category.map(Enum::name).orElse(null))
                .append("createdAt", Date.from(at)));
        return id.toHexString();
    }

    /** Stores a new pending follow-up and returns its id. */
    public String insert(NewFollowUp f, Instant now) {
        Document doc = toDocument(f, now);
        followups.insertOne(doc);
        return doc.getObjectId("_id").toHexString();
    }

    /** Stores many new follow-ups in one round trip (plans, imports, benchmarks); returns their ids in order. */
    public List<String> insertAll(List<NewFollowUp> all, Instant now) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<Document> docs = all.stream().map(f -> toDocument(f, now)).toList();
        followups.insertMany(docs);
        return docs.stream().map(d -> d.getObjectId("_id").toHexString()).toList();
    }

    static Document toDocument(NewFollowUp f, Instant now) {
        ObjectId id = new ObjectId();
        return new Document("_id", id)
                .append("rev", newRevision())
                .append("caseId", f.caseId())
                .append("phone", f.phone())
                .append("sourceId", f.sourceId().orElse(null))
                .append("reason", f.reason())
                .append("mode", f.mode().code())
                .append("assignee", f.assignee())
                .append("status", FollowUpStatus.PENDING)
                .append("dueAt", Date.from(f.dueAt()))
                .append("firstDueAt", Date.from(f.dueAt()))
                .append("attemptDueAt", Date.from(f.dueAt()))
                .append("window", FollowUpDocs.window(f.window()))
                .append("attempts", new ArrayList<Document>())
                .append("attemptsMade", 0)
                .append("maxAttempts", f.maxAttempts())
                .append("highRisk", f.highRisk())
                .append("category", f.category().map(Enum::name).orElse(null))
                .append("dialect", f.dialect().orElse(null))
                .append("planId", f.planId().orElse(null))
                .append("createdAt", Date.from(now));
    }

    /** Claims the follow-up due longest ago, if any is due: {@link #claimDue} for one. */
    public Optional<FollowUp> claimNext(String owner, Instant now, Instant leaseUntil) {
        return claimDue(owner, now, leaseUntil, 1).stream().findFirst();
    }

    /**
     * Claims up to {@code limit} follow-ups that are due: pending and due, or claimed by someone
     * whose lease has expired (a crashed instance), longest due first. Atomic per follow-up: two
     * schedulers never hold the same claim. Reads a few more candidates than it needs and starts
     * at a random one of them, so instances polling at once mostly take different follow-ups
     * instead of racing for the same head of the line.
     *
     * <p>On MongoDB the candidates are the longest due, read from the {@code (status, dueAt)}
     * index. The embedded server would sort every due follow-up to find them, which with a
     * backlog of 100,000 holds the collection for seconds on every poll; there the candidates are
     * the first due ones in storage (creation) order, then ordered by due time among themselves.
     */
    public List<FollowUp> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        FindIterable<Document> due = followups.find(claimable(now)).limit(limit * CANDIDATES_PER_CLAIM)
                .projection(Projections.include("rev", "dueAt"));
        List<Document> candidates = (sortsFromIndexes ? due.sort(Sorts.ascending("dueAt")) : due)
                .into(new ArrayList<>());
        candidates.sort(Comparator.comparing(d -> d.getDate("dueAt")));
        List<FollowUp> claimed = new ArrayList<>();
        int start = candidates.size() <= limit ? 0 : spread.nextInt(candidates.size() - limit + 1);
        for (int i = 0; i < candidates.size() && claimed.size() < limit; i++) {
            Document candidate = candidates.get((start + i) % candidates.size());
            Document taken = followups.findOneAndUpdate(unchangedSince(candidate, now),
                    revised(claim(owner, now, leaseUntil)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (taken != null) {
                claimed.add(FollowUpDocs.toFollowUp(taken));
            }
        }
        return claimed;
    }

    /** The candidate exactly as it was read; documents from before revisions are checked field by field. */
    private static Bson unchangedSince(Document candidate, Instant now) {
        String rev = candidate.getString("rev");
        return rev != null ? eq("rev", rev) : and(eq("_id", candidate.getObjectId("_id")), claimable(now));
    }

    /** Pending and due, or claimed by an instance whose lease has lapsed. */
    private static Bson claimable(Instant now) {
        return or(and(eq("status", FollowUpStatus.PENDING), lte("dueAt", Date.from(now))),
                and(eq("status", FollowUpStatus.CLAIMED), lt("leaseUntil", Date.from(now))));
    }

    private static Bson claim(String owner, Instant now, Instant leaseUntil) {
        return combine(set("status", FollowUpStatus.CLAIMED), set("leaseOwner", owner),
                set("leaseUntil", Date.from(leaseUntil)), set("claimToken", new ObjectId().toHexString()),
                set("claimedAt", Date.from(now)), inc("claims", 1));
    }

    /** The claimed call is still going (the counselor answered): keeps the claim until {@code until}. */
    public boolean extendLease(String token, Instant until) {
        return followups.updateOne(claimedBy(token), revised(set("leaseUntil", Date.from(until)))).getModifiedCount() == 1;
    }

    /** The call is being placed with this counselor; its contact is on the case. */
    public boolean markDialing(String token, String counselorId, String contactId) {
        return followups.updateOne(claimedBy(token),
                revised(combine(set("currentCounselorId", counselorId), set("currentContactId", contactId))))
                .getModifiedCount() == 1;
    }

    /** Gives the claim back without an attempt: due again at {@code dueAt}. */
    public boolean reschedule(String token, Instant dueAt, Instant now, String note) {
        Bson update = combine(releaseClaim(), set("dueAt", Date.from(dueAt)));
        // waiting for a busy counselor repeats every few seconds: only notable changes are logged
        return followups.updateOne(claimedBy(token), revised(note == null ? update : combine(update, log(now, note))))
                .getModifiedCount() == 1;
    }

    /** The owner stayed away past the grace period: any fitting counselor may now make the call. */
    public boolean handOverToPool(String token, Instant now, String note) {
        return followups.updateOne(claimedBy(token), revised(combine(releaseClaim(), set("assignee", ASSIGNEE_POOL),
                set("dueAt", Date.from(now)), set("handedOverAt", Date.from(now)), log(now, note))))
                .getModifiedCount() == 1;
    }

    /**
     * Records an attempt and what follows in one write: pending again at {@code nextDueAt}, or a
     * final status. False when the claim is no longer this one's (taken over after a lapse).
     */
    public boolean finishAttempt(String token, Attempt attempt, String status, Instant nextDueAt,
                                 Instant now, String note) {
        List<Bson> updates = new ArrayList<>(List.of(releaseClaim(), set("status", status),
                push("attempts", FollowUpDocs.attempt(attempt)), log(now, note),
                unset("currentCounselorId"), unset("currentContactId")));
        if (attempt.counted()) {
            updates.add(inc("attemptsMade", 1));
        }
        if (nextDueAt != null) {
            updates.add(set("dueAt", Date.from(nextDueAt)));
            updates.add(set("attemptDueAt", Date.from(nextDueAt)));
        } else {
            updates.add(set("closedAt", Date.from(now)));
        }
        return followups.updateOne(claimedBy(token), revised(combine(updates))).getModifiedCount() == 1;
    }

    /**
     * A counselor moves a waiting follow-up to {@code dueAt} (already inside its window) and,
     * when {@code assignee} is not null, gives it to someone else. Only while it is pending: one a
     * scheduler holds (being dialed) or one that is closed is left alone. False when nothing changed.
     */
    public boolean moveDue(String id, Instant dueAt, String assignee, Instant now, String note) {
        List<Bson> updates = new ArrayList<>(List.of(set("dueAt", Date.from(dueAt)),
                set("attemptDueAt", Date.from(dueAt)), log(now, note)));
        if (assignee != null) {
            updates.add(set("assignee", assignee));
        }
        return ObjectId.isValid(id) && followups.updateOne(pending(id), revised(combine(updates))).getModifiedCount() == 1;
    }

    /** Calls off a waiting follow-up with the reason; false when it is held by a scheduler or closed. */
    public boolean cancel(String id, String by, String reason, Instant now) {
        return ObjectId.isValid(id) && followups.updateOne(pending(id), revised(combine(set("status", FollowUpStatus.CANCELLED),
                set("closedAt", Date.from(now)), set("cancelledBy", by), set("cancelReason", reason),
                log(now, "cancelled by " + by + ": " + reason)))).getModifiedCount() == 1;
    }

    /**
     * Claims a waiting follow-up, due or not, for an attempt a counselor made by hand (from their
     * own phone), so that no scheduler dials it meanwhile. The claim is a scheduler's claim, lease
     * and token included: the outcome is then recorded with the token like any dialed attempt, and
     * if the recording instance dies the claim lapses and is taken over as usual.
     */
    public Optional<FollowUp> claimForManualAttempt(String id, String owner, Instant now, Instant leaseUntil) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Document claimed = followups.findOneAndUpdate(pending(id), revised(claim(owner, now, leaseUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(FollowUpDocs::toFollowUp);
    }

    public Optional<FollowUp> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(followups.find(eq("_id", new ObjectId(id))).first()).map(FollowUpDocs::toFollowUp);
    }

    /** A case's follow-ups, by due time. */
    public List<FollowUp> forCase(String caseId) {
        return followups.find(eq("caseId", caseId)).sort(Sorts.ascending("dueAt"))
                .map(FollowUpDocs::toFollowUp).into(new ArrayList<>());
    }

    public long countByStatus(String status) {
        return followups.countDocuments(eq("status", status));
    }

    /** Follow-ups waiting to be dialed whose due time is at or before {@code at}. */
    public long countPendingDueBy(Instant at) {
        return followups.countDocuments(and(eq("status", FollowUpStatus.PENDING), lte("dueAt", Date.from(at))));
    }

    /**
     * The document while this claim holds it. The token is unique to one claim and removed when
     * the claim ends, so it alone identifies both the follow-up and the claim.
     */
    private static Bson claimedBy(String token) {
        return eq("claimToken", token);
    }

    /** Every write gives the document a new revision, which voids candidates read before it. */
    static Bson revised(Bson update) {
        return combine(update, set("rev", newRevision()));
    }

    private static String newRevision() {
        return new ObjectId().toHexString();
    }

    private static Bson pending(String id) {
        return and(eq("_id", new ObjectId(id)), eq("status", FollowUpStatus.PENDING));
    }

    private static Bson releaseClaim() {
        return combine(set("status", FollowUpStatus.PENDING), unset("leaseOwner"), unset("leaseUntil"),
                unset("claimToken"));
    }

    private static Bson log(Instant at, String entry) {
        return push("log", new Document("at", Date.from(at)).append("entry", entry));
    }
}
