package org.carehotline.followups;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Surveys are follow-ups (mode {@code survey}) in the same collection, with two fields of their
 * own: {@code surveyOf}, the case id, uniquely indexed so that a case is surveyed once ever
 * (closed, reopened and closed again included), and {@code survey}, the answers. Blocking.
 */
public final class SurveyRepository {

    private final MongoCollection<Document> followups;
    private final FollowUpRepository followUps;

    public SurveyRepository(MongoStore store, FollowUpRepository followUps) {
        this.followups = store.database().getCollection(CollectionNames.FOLLOWUPS);
        this.followUps = followUps;
    }

    /** Stores the case's survey; empty when the case already has one (the unique index said so). */
    public Optional<String> insert(NewFollowUp f, Instant now) {
        Document doc = FollowUpRepository.toDocument(f, now).append("surveyOf", f.caseId());
        try {
            followups.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(doc.getObjectId("_id").toHexString());
    }

    /** True when the case has (or had) a survey. */
    public boolean exists(String caseId) {
        return followups.countDocuments(eq("surveyOf", caseId)) > 0;
    }

    /** The worker's answers, written under the call's claim: false when the claim is no longer this one. */
    public boolean recordAnswers(String token, SurveyAnswers a, Instant at) {
        Document answers = new Document("satisfaction", a.satisfaction().orElse(null))
                .append("solved", a.solved().orElse(null)).append("at", Date.from(at));
        return followups.updateOne(eq("claimToken", token), FollowUpRepository.revised(set("survey", answers)))
                .getModifiedCount() == 1;
    }

    /** The answers recorded on a survey, {@link SurveyAnswers#NONE} when none. */
    public SurveyAnswers answers(String followUpId) {
        if (!org.bson.types.ObjectId.isValid(followUpId)) {
            return SurveyAnswers.NONE;
        }
        return Optional.ofNullable(followups.find(eq("_id", new org.bson.types.ObjectId(followUpId)))
                        .projection(new Document("survey", 1)).first())
                .map(d -> d.get("survey", Document.class)).map(SurveyRepository::toAnswers).orElse(SurveyAnswers.NONE);
    }

    public Optional<FollowUp> find(String followUpId) {
        return followUps.findById(followUpId);
    }

    static SurveyAnswers toAnswers(Document s) {
        return new SurveyAnswers(Optional.ofNullable(s.getInteger("satisfaction")),
                Optional.ofNullable(s.getBoolean("solved")));
    }

    /** Calls off a survey this claim holds (the worker refused meanwhile): false when the claim is gone. */
    public boolean cancelClaimed(String token, String reason, Instant now) {
        return followups.updateOne(eq("claimToken", token), FollowUpRepository.revised(com.mongodb.client.model.Updates
                .combine(set("status", FollowUpStatus.CANCELLED), set("closedAt", Date.from(now)),
                        set("cancelledBy", Surveys.BY_WORKER), set("cancelReason", reason),
                        com.mongodb.client.model.Updates.unset("leaseOwner"),
                        com.mongodb.client.model.Updates.unset("leaseUntil"),
                        com.mongodb.client.model.Updates.unset("claimToken"),
                        com.mongodb.client.model.Updates.push("log", new Document("at", Date.from(now))
                                .append("entry", "cancelled at dial time: " + reason)))))
                .getModifiedCount() == 1;
    }

    /**
     * Calls off the worker's surveys still waiting (they refused): each with the follow-ups' own
     * cancel, conditioned on pending. Returns how many were cancelled.
     */
    public int cancelPendingFor(String phone, String by, String reason, Instant now) {
        List<String> ids = followups.find(and(eq("phone", phone), eq("mode", Mode.SURVEY.code()),
                        eq("status", FollowUpStatus.PENDING)))
                .map(d -> d.getObjectId("_id").toHexString()).into(new ArrayList<>());
        return (int) ids.stream().filter(id -> followUps.cancel(id, by, reason, now)).count();
    }
}
