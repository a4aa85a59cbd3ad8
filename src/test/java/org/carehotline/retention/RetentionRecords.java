package org.carehotline.retention;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.carehotline.audit.AuditLog;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.Category;
import org.carehotline.cases.NoteRepository;
import org.carehotline.cases.VisitRepository;
import org.carehotline.emergency.EmergencyContact;
import org.carehotline.emergency.EmergencyContactRepository;
import org.carehotline.emergency.EmergencyParty;
import org.carehotline.emergency.EmergencyResult;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.reports.Calls;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * An embedded store for one test ({@code @RegisterExtension final RetentionRecords records = new
 * RetentionRecords();}), opened before it in a folder of its own and removed after, and the
 * records of a worker's case as the hotline writes them (through the repositories where they are
 * public): the caller's profile, the case with its description and close, an answered call, a
 * visit, a note, a finished follow-up, an emergency record and an onward referral.
 */
final class RetentionRecords implements BeforeEachCallback, AfterEachCallback {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Path folder;
    private MongoStore store;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("retention-test");
        store = TestStores.open(folder);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    MongoStore store() {
        return store;
    }

    /** A server's sweep on this store, auditing to its audit log. */
    RetentionSweep sweep(RetentionPolicy policy, Clock clock) {
        return new RetentionSweep(store, policy, new AuditLog(store), clock);
    }

    /** The retention sweeps in the audit log. */
    long sweepsAudited() {
        return new AuditLog(store).recent(1, 100).stream()
                .filter(e -> e.action().equals(RetentionSweep.AUDIT_ACTION)).count();
    }

    MongoCollection<Document> collection(String name) {
        return store.database().getCollection(name);
    }

    /** A caller profile with everything the console records about a worker; returns its id. */
    String caller(String phone, String name) {
        ObjectId id = new ObjectId();
        collection(CollectionNames.CALLERS).insertOne(new Document("_id", id).append("phone", phone)
                .append("name", name).append("occupation", "货车司机").append("region", "郑州").append("dialect", "henan")
                .append("plate", "豫A12345").append("employer", "顺达物流").append("unionMember", true)
                .append("highRisk", false).append("firstCallAt", new Date(0)));
        return id.toHexString();
    }

    /** A registered worker from the union's roll (the registry import's record). */
    void registered(String phone) {
        collection(CollectionNames.CALLERS).insertOne(new Document("_id", new ObjectId()).append("phone", phone)
                .append("name", "登记职工").append("occupation", "快递员").append("region", "洛阳")
                .append("registered", true));
    }

    /** A case opened at {@code opened} with one answered call, a visit, a note and a done follow-up; not closed. */
    CareCase openCase(String callerId, String phone, Instant opened) {
        CareCase c = new CaseRepository(store, SHANGHAI).open(callerId, phone, opened);
        CaseWork work = new CaseWork(store);
        work.describe(c.id(), List.of(Category.PSYCHOLOGICAL_SUPPORT), "高速封路两周，联系不上卧床的母亲", opened);
        collection(CollectionNames.CONTACTS).insertOne(Calls.startedAt(opened).inCase(c.id()).phone(phone)
                .set("callerId", callerId).set("callerNumber", phone).category("PSYCHOLOGICAL_SUPPORT", "1")
                .offer("counselor-1", "ANSWER").answered("counselor-1", 20, 600)
                .set("log", List.of(new Document("at", Date.from(opened)).append("entry", "caller " + phone)))
                .build());
        new VisitRepository(store).record(c.id(), "home_visit", "送去生活物资，见到他母亲", "counselor-1", "王芳",
                opened.plusSeconds(3600));
        new NoteRepository(store).add(c.id(), "counselor-1", "王芳", "他说想把车扔下走回家", opened.plusSeconds(700));
        collection(CollectionNames.FOLLOWUPS).insertOne(new Document("caseId", c.id()).append("phone", phone)
                .append("status", FollowUpStatus.DONE).append("reason", "plan").append("mode", "counselor_call")
                .append("assignee", "counselor-1").append("dueAt", Date.from(opened.plusSeconds(86_400)))
                .append("attempts", List.of(new Document("at", Date.from(opened.plusSeconds(86_400)))
                        .append("outcome", "reached").append("counted", true).append("detail", "")))
                .append("log", List.of(new Document("entry", "called " + phone))));
        new EmergencyContactRepository(store).add(new EmergencyContact("", c.id(), EmergencyParty.FAMILY,
                "他儿子 13900000000", EmergencyResult.REACHED, "儿子答应去看奶奶", opened, "counselor-1", "王芳", opened));
        collection(CollectionNames.ONWARD_REFERRALS).insertOne(new Document("caseId", c.id()).append("kind", "LEGAL_AID")
                .append("otherKind", "").append("organisation", "市总工会法律援助站").append("note", "工资被拖欠三个月")
                .append("status", "MADE").append("history", List.of(new Document("status", "MADE")
                        .append("note", "工资被拖欠三个月").append("at", Date.from(opened))))
                .append("createdAt", Date.from(opened)));
        return c;
    }

    /** {@link #openCase}, then closed at {@code closed} with an outcome in the counselor's words. */
    CareCase closedCase(String callerId, String phone, Instant opened, Instant closed) {
        CareCase c = openCase(callerId, phone, opened);
        new CaseWork(store).close(c.id(), "情绪稳定，已与家人团聚", "counselor-1", closed);
        return c;
    }

    /** A follow-up (or survey) still waiting to be dialed on the case. */
    void pendingFollowUp(String caseId, boolean survey) {
        Document d = new Document("caseId", caseId).append("phone", "13800000009").append("status", FollowUpStatus.PENDING)
                .append("dueAt", new Date());
        collection(CollectionNames.FOLLOWUPS).insertOne(survey ? d.append("surveyOf", caseId) : d);
    }

    long count(String collection, String caseId) {
        return collection(collection).countDocuments(new Document("caseId", caseId));
    }

    Document caseDoc(String caseId) {
        return collection(CollectionNames.CASES).find(new Document("_id", new ObjectId(caseId))).first();
    }

    /** Every document of the collections a sweep touches, to compare before and after. */
    Map<String, List<Document>> everything() {
        return Map.of(CollectionNames.CASES, all(CollectionNames.CASES), CollectionNames.CONTACTS,
                all(CollectionNames.CONTACTS), CollectionNames.NOTES, all(CollectionNames.NOTES),
                CollectionNames.FOLLOWUPS, all(CollectionNames.FOLLOWUPS), CollectionNames.CALLERS,
                all(CollectionNames.CALLERS), CollectionNames.AUDIT, all(CollectionNames.AUDIT),
                CollectionNames.PRESENCE_LOG, all(CollectionNames.PRESENCE_LOG),
                CollectionNames.EMERGENCY_CONTACTS, all(CollectionNames.EMERGENCY_CONTACTS),
                CollectionNames.ONWARD_REFERRALS, all(CollectionNames.ONWARD_REFERRALS));
    }

    private List<Document> all(String name) {
        return collection(name).find().sort(new Document("_id", 1)).into(new java.util.ArrayList<>());
    }
}
