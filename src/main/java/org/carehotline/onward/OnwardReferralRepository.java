package org.carehotline.onward;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Onward referrals in MongoDB, one document each with its status history. A status change is
 * one conditional update (the referral of this case, in a status the action may start from), so
 * two counselors acting at once never both move it, and nothing is half-written. Blocking.
 */
public final class OnwardReferralRepository {

    /** What became of an action on a referral. */
    public enum Outcome { MOVED, NOT_ALLOWED, NOT_FOUND }

    private final MongoCollection<Document> referrals;

    public OnwardReferralRepository(MongoStore store) {
        this.referrals = store.database().getCollection(CollectionNames.ONWARD_REFERRALS);
    }

    /** Records a new referral in its starting status; returns its id. */
    public String refer(NewOnwardReferral r) {
        ObjectId id = new ObjectId();
        referrals.insertOne(new Document("_id", id).append("caseId", r.caseId()).append("kind", r.kind().name())
                .append("otherKind", r.otherKind()).append("organisation", r.organisation()).append("note", r.note())
                .append("status", r.status().name())
                .append("history", List.of(change(r.status(), "", r.byId(), r.byName(), r.note(), r.at())))
                .append("createdAt", Date.from(r.at())).append("updatedAt", Date.from(r.at())));
        return id.toHexString();
    }

    /**
     * Applies a named action to a referral of this case. NOT_FOUND when the case holds no such
     * referral (an id from another case is never touched); NOT_ALLOWED when its status does not
     * allow the action (see {@link OnwardAction}), and then nothing changes.
     */
    public Outcome apply(String caseId, String referralId, OnwardAction action, String byId, String byName,
                         String note, Instant at) {
        if (!ObjectId.isValid(referralId)) {
            return Outcome.NOT_FOUND;
        }
        Bson mine = and(eq("_id", new ObjectId(referralId)), eq("caseId", caseId));
        Bson update = combine(set("status", action.to().name()),
                push("history", change(action.to(), action.key(), byId, byName, note, at)), set("updatedAt", Date.from(at)));
        List<String> from = action.from().stream().map(Enum::name).toList();
        if (referrals.updateOne(and(mine, in("status", from)), update).getModifiedCount() == 1) {
            return Outcome.MOVED;
        }
        return referrals.countDocuments(mine) == 0 ? Outcome.NOT_FOUND : Outcome.NOT_ALLOWED;
    }

    /** A case's referrals, oldest first. */
    public List<OnwardReferral> forCase(String caseId) {
        return referrals.find(eq("caseId", caseId)).sort(Sorts.ascending("createdAt"))
                .map(OnwardReferralRepository::toReferral).into(new ArrayList<>());
    }

    private static Document change(OnwardStatus status, String action, String byId, String byName, String note,
                                   Instant at) {
        return new Document("status", status.name()).append("action", action).append("by", byId)
                .append("byName", byName).append("note", note).append("at", Date.from(at));
    }

    private static OnwardReferral toReferral(Document d) {
        List<OnwardReferral.Change> history = d.getList("history", Document.class, List.of()).stream()
                .map(h -> new OnwardReferral.Change(OnwardStatus.valueOf(h.getString("status")), text(h, "action"),
                        text(h, "by"), text(h, "byName"), text(h, "note"), h.getDate("at").toInstant()))
                .toList();
        return new OnwardReferral(d.getObjectId("_id").toHexString(), d.getString("caseId"),
                OnwardKind.valueOf(d.getString("kind")), text(d, "otherKind"), text(d, "organisation"), text(d, "note"),
                OnwardStatus.valueOf(d.getString("status")), history, d.getDate("createdAt").toInstant());
    }

    private static String text(Document d, String key) {
        String value = d.getString(key);
        return value == null ? "" : value;
    }
}
