package org.carehotline.cases;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Who may be surveyed after a case is closed: a worker who refused surveys (key 9 in a survey
 * call, or a counselor ticking it on their profile) is marked on their caller record
 * ({@code surveyOptOut}, with who and when) and never called for one again; a case at high or
 * imminent risk is surveyed only when a counselor allowed it on that case ({@code surveyAllowed}).
 * Blocking.
 */
public final class SurveyConsent {

    private final MongoCollection<Document> callers;
    private final MongoCollection<Document> cases;

    public SurveyConsent(MongoStore store) {
        this.callers = store.database().getCollection(CollectionNames.CALLERS);
        this.cases = store.database().getCollection(CollectionNames.CASES);
    }

    /** True when the caller refused surveys. */
    public boolean refuses(String callerId) {
        return ObjectId.isValid(callerId) && flag(callers, eq("_id", new ObjectId(callerId)), "surveyOptOut");
    }

    /** True when the worker with this number refused surveys. */
    public boolean refusesByPhone(String phone) {
        return flag(callers, eq("phone", phone), "surveyOptOut");
    }

    /** Sets or clears the caller's refusal; {@code by} is a counselor id or {@code worker}. */
    public void setRefuses(String callerId, boolean refuses, String by, Instant at) {
        callers.updateOne(eq("_id", new ObjectId(callerId)), combine(set("surveyOptOut", refuses),
                set("surveyOptOutBy", by), set("surveyOptOutAt", Date.from(at))));
    }

    /** The worker refused in a survey call (key 9): marked by their number. */
    public void refuseByPhone(String phone, String by, Instant at) {
        callers.updateOne(eq("phone", phone), combine(set("surveyOptOut", true), set("surveyOptOutBy", by),
                set("surveyOptOutAt", Date.from(at))));
    }

    /** True when a counselor allowed a survey on this case although its risk is high or imminent. */
    public boolean allowedDespiteRisk(String caseId) {
        return ObjectId.isValid(caseId) && flag(cases, eq("_id", new ObjectId(caseId)), "surveyAllowed");
    }

    public void allowDespiteRisk(String caseId, boolean allowed, String by, Instant at) {
        cases.updateOne(eq("_id", new ObjectId(caseId)), combine(set("surveyAllowed", allowed),
                set("surveyAllowedBy", by), set("surveyAllowedAt", Date.from(at))));
    }

    /** The case's current risk level (the latest assessment), NONE when never assessed. */
    public RiskLevel riskLevel(String caseId) {
        if (!ObjectId.isValid(caseId)) {
            return RiskLevel.NONE;
        }
        Document d = cases.find(eq("_id", new ObjectId(caseId))).projection(Projections.include("riskLevel")).first();
        return Optional.ofNullable(d).map(x -> x.getString("riskLevel")).map(RiskLevel::valueOf).orElse(RiskLevel.NONE);
    }

    private static boolean flag(MongoCollection<Document> collection, org.bson.conversions.Bson filter, String field) {
        Document d = collection.find(filter).projection(Projections.include(field)).first();
        return d != null && Boolean.TRUE.equals(d.getBoolean(field));
    }
}
