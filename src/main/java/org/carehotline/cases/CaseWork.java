package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * A counselor's work on a case: what it is about, risk assessments, and the status changes as
 * named operations (activate, await follow-up, close with outcome, reopen), each guarded by the
 * statuses it may start from and appended to the history in the same atomic update. Blocking.
 */
public final class CaseWork {

    private final MongoCollection<Document> cases;

    public CaseWork(MongoStore store) {
        this.cases = store.database().getCollection(CollectionNames.CASES);
    }

    public Optional<CaseFile> find(String caseId) {
        if (!ObjectId.isValid(caseId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(cases.find(eq("_id", new ObjectId(caseId))).first()).map(CaseWork::toFile);
    }

    public Optional<CaseFile> findByNumber(String number) {
        return Optional.ofNullable(cases.find(eq("number", number)).first()).map(CaseWork::toFile);
    }

    /** Sets what the case is about: its categories and the presenting problem in the counselor's words. */
    public void describe(String caseId, List<Category> categories, String presentingProblem, Instant at) {
        cases.updateOne(byId(caseId), combine(set("categories", categories.stream().map(Enum::name).toList()),
                set("presentingProblem", presentingProblem), set("updatedAt", Date.from(at))));
    }

    /** Records an assessment: appended to the history and made the case's current risk. */
    public void assessRisk(String caseId, RiskAssessment risk) {
        Document doc = riskDoc(risk);
        cases.updateOne(byId(caseId), combine(set("risk", doc), set("riskLevel", risk.level().name()),
                push("riskHistory", doc), set("updatedAt", Date.from(risk.at()))));
    }

    /**
     * A supervisor gives the case to a counselor: they become its owner and keep access as an
     * assignee (so do earlier assignees); the assignment is kept in the case's history.
     */
    public void assign(String caseId, String counselorId, String by, Instant at) {
        cases.updateOne(byId(caseId), combine(set("ownerId", counselorId),
                com.mongodb.client.model.Updates.addToSet("assignedTo", counselorId),
                push("assignments", new Document("to", counselorId).append("by", by).append("at", Date.from(at))),
                set("updatedAt", Date.from(at))));
    }

    /** Open or awaiting follow-up → active. False when the case was not in such a status. */
    public boolean activate(String caseId, String by, Instant at) {
        return change(caseId, Set.of(CaseStatus.OPEN, CaseStatus.AWAITING_FOLLOW_UP), CaseStatus.ACTIVE, by, at, "",
                null);
    }

    /** Open or active → awaiting follow-up. */
    public boolean awaitFollowUp(String caseId, String by, Instant at, String note) {
        return change(caseId, Set.of(CaseStatus.OPEN, CaseStatus.ACTIVE), CaseStatus.AWAITING_FOLLOW_UP, by, at, note,
                null);
    }

    /** Any status but closed → closed, with the outcome. */
    public boolean close(String caseId, String outcome, String by, Instant at) {
        return change(caseId, Set.of(CaseStatus.OPEN, CaseStatus.ACTIVE, CaseStatus.AWAITING_FOLLOW_UP),
                CaseStatus.CLOSED, by, at, outcome, set("outcome", outcome));
    }

    /** Closed → active again. */
    public boolean reopen(String caseId, String by, Instant at, String note) {
        return change(caseId, Set.of(CaseStatus.CLOSED), CaseStatus.ACTIVE, by, at, note, null);
    }

    private boolean change(String caseId, Set<CaseStatus> from, CaseStatus to, String by, Instant at, String note,
                           Bson extra) {
        Document entry = new Document("status", to.name()).append("at", Date.from(at)).append("by", by)
                .append("note", note);
        Bson update = combine(set("status", to.name()), push("statusHistory", entry), set("updatedAt", Date.from(at)));
        if (extra != null) {
            update = combine(update, extra);
        }
        return cases.updateOne(and(byId(caseId), in("status", from.stream().map(Enum::name).toList())), update)
                .getModifiedCount() == 1;
    }

    private static Bson byId(String caseId) {
        return eq("_id", new ObjectId(caseId));
    }

    private static Document riskDoc(RiskAssessment r) {
        return new Document("thoughts", r.thoughts()).append("plan", r.plan()).append("means", r.means())
                .append("timeframe", r.timeframe().name()).append("protective", r.protective())
                .append("level", r.level().name()).append("by", r.assessedBy()).append("byName", r.assessedByName())
                .append("at", Date.from(r.at()));
    }

    private static RiskAssessment toRisk(Document d) {
        return new RiskAssessment(d.getBoolean("thoughts", false), d.getBoolean("plan", false),
                d.getBoolean("means", false), RiskLevel.Timeframe.valueOf(d.getString("timeframe")),
                Docs.string(d, "protective"), RiskLevel.valueOf(d.getString("level")), Docs.string(d, "by"),
                Docs.string(d, "byName"), Docs.instant(d, "at").orElse(Instant.EPOCH));
    }

    static CaseFile toFile(Document d) {
        List<StatusChange> history = d.getList("statusHistory", Document.class, List.of()).stream()
                .map(h -> new StatusChange(CaseStatus.valueOf(h.getString("status")),
                        Docs.instant(h, "at").orElse(Instant.EPOCH), Docs.string(h, "by"), Docs.string(h, "note")))
                .toList();
        return new CaseFile(CaseRepository.toCase(d), Docs.string(d, "presentingProblem"),
                Optional.ofNullable(d.get("risk", Document.class)).map(CaseWork::toRisk),
                d.getList("riskHistory", Document.class, List.of()).stream().map(CaseWork::toRisk).toList(),
                history, Docs.string(d, "outcome"), List.copyOf(d.getList("assignedTo", String.class, List.of())),
                d.getList("assignments", Document.class, List.of()).stream()
                        .map(a -> new CaseFile.Assignment(Docs.string(a, "to"), Docs.string(a, "by"),
                                Docs.instant(a, "at").orElse(Instant.EPOCH))).toList());
    }
}
