package org.carehotline.cases;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Callers' profiles as counselors fill them in, on the callers collection. Blocking. */
public final class CallerProfiles {

    private final MongoCollection<Document> callers;

    public CallerProfiles(MongoStore store) {
        this.callers = store.database().getCollection(CollectionNames.CALLERS);
    }

    public Optional<CallerProfile> find(String callerId) {
        if (!ObjectId.isValid(callerId)) {
            return Optional.empty();
        }
        Document d = callers.find(eq("_id", new ObjectId(callerId))).first();
        return Optional.ofNullable(d).map(CallerProfiles::toProfile);
    }

    /** Saves the profile fields a counselor edits, in one update (phone and flags untouched). */
    public void save(CallerProfile p) {
        callers.updateOne(eq("_id", new ObjectId(p.id())), combine(set("name", p.name()),
                set("occupation", p.occupation()), set("plate", p.plate()), set("employer", p.employer()),
                set("region", p.region()), set("dialect", p.dialect()), set("unionMember", p.unionMember())));
    }

    /** Flags the caller high-risk: their next calls are routed first. */
    public void flagHighRisk(String callerId) {
        callers.updateOne(eq("_id", new ObjectId(callerId)), set("highRisk", true));
    }

    static CallerProfile toProfile(Document d) {
        return new CallerProfile(d.getObjectId("_id").toHexString(), Docs.string(d, "phone"), Docs.string(d, "name"),
                Docs.string(d, "occupation"), Docs.string(d, "plate"), Docs.string(d, "employer"),
                Docs.string(d, "region"), Docs.string(d, "dialect"), d.getBoolean("unionMember", false),
                d.getBoolean("highRisk", false), Docs.optionalString(d, "lastCounselorId"));
    }
}
