package org.carehotline.referrals;

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

/** Referrals in MongoDB, one document each, kept with the case and follow-up they became. Blocking. */
public final class ReferralRepository {

    private final MongoCollection<Document> referrals;

    public ReferralRepository(MongoStore store) {
        this.referrals = store.database().getCollection(CollectionNames.REFERRALS);
    }

    String insert(Referral r) {
        ObjectId id = new ObjectId();
        referrals.insertOne(new Document("_id", id)
                .append("referrer", r.referrer())
                .append("workerPhone", r.workerPhone())
                .append("situation", r.situation())
                .append("urgency", r.urgency().name())
                .append("caseId", r.caseId())
                .append("followUpId", r.followUpId())
                .append("at", Date.from(r.at())));
        return id.toHexString();
    }

    /** A case's referrals, oldest first. */
    public List<Referral> forCase(String caseId) {
        return referrals.find(eq("caseId", caseId)).sort(Sorts.ascending("at"))
                .map(d -> new Referral(d.getObjectId("_id").toHexString(), d.getString("referrer"),
                        d.getString("workerPhone"), d.getString("situation"), Urgency.valueOf(d.getString("urgency")),
                        d.getString("caseId"), d.getString("followUpId"), d.getDate("at").toInstant()))
                .into(new ArrayList<>());
    }
}
