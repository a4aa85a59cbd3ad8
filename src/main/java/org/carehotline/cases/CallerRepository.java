package org.carehotline.cases;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Callers in MongoDB, one document per normalized phone number. Blocking. */
public final class CallerRepository {

    private final MongoCollection<Document> callers;

    public CallerRepository(MongoStore store) {
        this.callers = store.database().getCollection(CollectionNames.CALLERS);
    }

    /**
     * The caller with this number, created if new, with the call time recorded: one atomic
     * upsert, so two simultaneous first calls still make one caller.
     *
     * @return the caller as it was before this call (firstCallAt == at means new)
     */
    public Caller recordCall(String phone, Instant at) {
        Document before = callers.findOneAndUpdate(eq("phone", phone),
                combine(setOnInsert("_id", new ObjectId()), setOnInsert("firstCallAt", Date.from(at)),
                        setOnInsert("unionMember", false), setOnInsert("highRisk", false),
                        set("lastCallAt", Date.from(at))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return new Caller(findIdByPhone(phone), phone, "", "", "", "", false, false, Optional.empty(), at, at);
        }
        return toCaller(before);
    }

    private String findIdByPhone(String phone) {
        return callers.find(eq("phone", phone)).first().getObjectId("_id").toHexString();
    }

    public Optional<Caller> findById(String id) {
        return Optional.ofNullable(callers.find(eq("_id", new ObjectId(id))).first()).map(CallerRepository::toCaller);
    }

    /** Remembers who talked with this caller, for continuity on their next call. */
    public void recordCounselor(String callerId, String counselorId) {
        callers.updateOne(eq("_id", new ObjectId(callerId)), set("lastCounselorId", counselorId));
    }

    public void setDialect(String callerId, String dialect) {
        callers.updateOne(eq("_id", new ObjectId(callerId)), set("dialect", dialect));
    }

    /** A caller who speaks several dialects is routed by the first one their profile lists. */
    private static String firstDialect(String dialects) {
        int comma = dialects.indexOf(',');
        return (comma < 0 ? dialects : dialects.substring(0, comma)).strip();
    }

    static Caller toCaller(Document d) {
        return new Caller(
                d.getObjectId("_id").toHexString(),
                d.getString("phone"),
                Docs.string(d, "name"),
                Docs.string(d, "occupation"),
                Docs.string(d, "region"),
                firstDialect(Docs.string(d, "dialect")),
                d.getBoolean("unionMember", false),
                d.getBoolean("highRisk", false),
                Optional.ofNullable(d.getString("lastCounselorId")),
                Docs.instant(d, "firstCallAt").orElse(Instant.EPOCH),
                Docs.instant(d, "lastCallAt").orElse(Instant.EPOCH));
    }
}
