package org.carehotline.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.bench.SearchPlans.Call;
import org.carehotline.bench.SearchPlans.CasePlan;
import org.carehotline.bench.SearchPlans.Counselor;
import org.carehotline.bench.SearchPlans.Risk;
import org.carehotline.bench.SearchPlans.Worker;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.Caller;
import org.carehotline.cases.CallerProfile;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseStatus;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.Category;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.InboundCall;
import org.carehotline.cases.IncomingCall;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.cases.RiskAssessment;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;

/**
 * Writes the benchmark's plans to the store. A sample of workers goes through the real code:
 * {@link CallRecorder} for each call (caller upsert, case opening with its number, contact,
 * menu, offer, answer or miss, end), {@link CallerProfiles} for the card, {@link CaseWork} for
 * the description, risk, assignment and status action. The rest would take far too long that
 * way (tens of writes a case, and every open-case lookup scans on the embedded server), so
 * {@link Documents} replays the same operations on documents in memory and they are inserted in
 * bulk. {@link #verify} replays the sample that way too and compares it, field by field, with
 * what the repositories stored: the bulk documents are the repositories' documents.
 */
final class SearchSeed {

    private final MongoStore store;
    private final List<Counselor> counselors;

    SearchSeed(MongoStore store, List<Counselor> counselors) {
        this.store = store;
        this.counselors = counselors;
    }

    /** Through the repositories, in order (a worker's cases one after the other). */
    void writeThroughRepositories(List<CasePlan> plans) {
        MutableClock clock = new MutableClock(SearchPlans.START);
        CallerRepository callers = new CallerRepository(store);
        CaseRepository cases = new CaseRepository(store, SearchPlans.ZONE);
        CallRecorder recorder = new CallRecorder(callers, cases, new ContactRepository(store),
                new FollowUpRepository(store), clock);
        CallerProfiles profiles = new CallerProfiles(store);
        CaseWork work = new CaseWork(store);
        for (CasePlan p : plans) {
            String caseId = null;
            Optional<String> callerId = Optional.empty();
            for (Call c : p.calls()) {
                clock.set(c.arrivedAt());
                InboundCall in = recorder.startInbound(new IncomingCall(c.uniqueId(), c.channel(), c.callerNumber(),
                        c.arrivedAt()));
                caseId = in.careCase().id();
                callerId = in.caller().map(Caller::id);
                clock.set(c.queuedAt());
                recorder.recordMenuChoice(in, c.menuKey(), c.category());
                recorder.recordOffered(in.contactId(), c.counselorId(), SearchPlans.OFFER_REASON, c.offeredAt());
                if (c.answered()) {
                    recorder.recordAnswered(in.contactId(), c.counselorId(), c.answeredAt());
                } else {
                    clock.set(c.answeredAt());
                    recorder.recordOfferMissed(in.contactId(), c.counselorId(), "NOANSWER");
                }
                recorder.recordEnded(in.contactId(), c.endedAt());
                if (c == p.firstAnswered()) {
                    if (p.saveProfile()) {
                        Worker w = p.worker();
                        profiles.save(new CallerProfile(callerId.orElseThrow(), w.phone(), w.name(), w.occupation(),
                                w.plate(), w.employer(), w.region(), w.dialect(), w.unionMember(), false,
                                Optional.empty()));
                    }
                    work.describe(caseId, p.categories(), p.problem(), p.describedAt());
                    if (p.risk() != null) {
                        work.assessRisk(caseId, assessment(p, c));
                        if (p.risk().level().alertsSupervisors()) {
                            callerId.ifPresent(profiles::flagHighRisk);
                        }
                    }
                }
            }
            if (p.assignTo() != null) {
                work.assign(caseId, p.assignTo(), SearchPlans.SUPERVISOR_ID, p.assignedAt());
            }
            if (p.finalStatus() == CaseStatus.CLOSED) {
                work.close(caseId, p.outcome(), p.owner(), p.statusAt());
            } else if (p.finalStatus() == CaseStatus.AWAITING_FOLLOW_UP) {
                work.awaitFollowUp(caseId, p.owner(), p.statusAt(), "");
            }
        }
    }

    private RiskAssessment assessment(CasePlan p, Call answered) {
        Risk r = p.risk();
        return new RiskAssessment(r.thoughts(), r.plan(), r.means(), r.timeframe(), r.protective(), r.level(),
                answered.counselorId(), name(answered.counselorId()), p.assessedAt());
    }

    private String name(String counselorId) {
        return counselors.stream().filter(c -> c.id().equals(counselorId)).findFirst().orElseThrow().name();
    }

    /** As documents, inserted in bulk; case numbers continue the store's counters, which are moved on. */
    void writeInBulk(List<CasePlan> plans) {
        MongoCollection<Document> counters = store.database().getCollection(CollectionNames.COUNTERS);
        Documents docs = new Documents();
        counters.find().forEach(d -> docs.counters.put(Integer.parseInt(d.getString("_id").substring(6)),
                d.getInteger("value")));
        plans.forEach(docs::write);
        insert(CollectionNames.CALLERS, new ArrayList<>(docs.callers.values()));
        insert(CollectionNames.CASES, docs.cases);
        insert(CollectionNames.CONTACTS, docs.contacts);
        docs.counters.forEach((year, value) -> counters.updateOne(eq("_id", "cases-" + year),
                Updates.set("value", value), new UpdateOptions().upsert(true)));
    }

    private void insert(String collection, List<Document> docs) {
        MongoCollection<Document> c = store.database().getCollection(collection);
        for (int i = 0; i < docs.size(); i += 2000) {
            c.insertMany(docs.subList(i, Math.min(docs.size(), i + 2000)));
        }
    }

    /**
     * Replays the plans already written through the repositories (into an empty store) as
     * documents and compares every caller, case and contact, ids aside.
     *
     * @return the differences, empty when the documents are the same
     */
    List<String> verify(List<CasePlan> plans) {
        Documents docs = new Documents();
        plans.forEach(docs::write);
        List<String> differences = new ArrayList<>();
        compare("callers", "phone", new ArrayList<>(docs.callers.values()), differences);
        compare("cases", "number", docs.cases, differences);
        compare("contacts", "uniqueId", docs.contacts, differences);
        return differences;
    }

    private void compare(String collection, String key, List<Document> expected, List<String> differences) {
        List<Document> stored = store.database().getCollection(collection).find().into(new ArrayList<>());
        if (stored.size() != expected.size()) {
            differences.add(collection + ": " + stored.size() + " stored, " + expected.size() + " replayed");
            return;
        }
        Comparator<Document> byKey = Comparator.comparing(d -> d.getString(key));
        stored.sort(byKey);
        List<Document> replayed = new ArrayList<>(expected);
        replayed.sort(byKey);
        for (int i = 0; i < stored.size(); i++) {
            Document a = withoutIds(stored.get(i));
            Document b = withoutIds(replayed.get(i));
            if (!a.equals(b)) {
                differences.add(collection + ":\n  stored   " + a.toJson() + "\n  replayed " + b.toJson());
            }
        }
    }

    private static Document withoutIds(Document d) {
        Document copy = new Document(d);
        copy.remove("_id");
        copy.computeIfPresent("callerId", (k, v) -> "id");
        copy.computeIfPresent("caseId", (k, v) -> "id");
        return copy;
    }

    /**
     * The repositories' writes, done on documents in memory, each method named after the
     * repository operation it stands for and setting exactly what that operation sets.
     */
    private final class Documents {

        final Map<String, Document> callers = new LinkedHashMap<>();
        final List<Document> cases = new ArrayList<>();
        final List<Document> contacts = new ArrayList<>();
        final Map<Integer, Integer> counters = new HashMap<>();

        void write(CasePlan p) {
            Document kase = null;
            Document caller = null;
            for (Call c : p.calls()) {
                Optional<String> phone = PhoneNumbers.normalize(c.callerNumber());
                caller = phone.map(n -> recordCall(n, c.arrivedAt())).orElse(null);
                if (kase == null) {
                    // the worker's earlier cases are closed: every call of the plan opens or lands on this one
                    kase = open(caller, phone.orElse(null), c.arrivedAt());
                }
                Document contact = insertInboundCall(kase, caller, c, phone.orElse(null));
                recordContact(kase, c.arrivedAt());
                if (phone.isEmpty()) {
                    log(contact, c.arrivedAt(), "caller number '" + c.callerNumber()
                            + "' is anonymous or malformed: new case, no call-back possible");
                }
                contact.append("menuKey", c.menuKey()).append("category", c.category().name())
                        .append("queuedAt", date(c.queuedAt()));
                addToSet(kase, "categories", c.category().name());
                log(contact, c.queuedAt(), "menu key " + c.menuKey() + ": " + c.category());
                offers(contact).add(new Document("counselorId", c.counselorId()).append("at", date(c.offeredAt())));
                log(contact, c.offeredAt(), "offered to " + c.counselorId() + ": " + SearchPlans.OFFER_REASON);
                if (c.answered()) {
                    recordAnswered(kase, caller, contact, c);
                } else {
                    lastOffer(contact).append("outcome", "NOANSWER");
                    log(contact, c.answeredAt(), c.counselorId() + " did not answer: NOANSWER");
                }
                recordEnded(contact, c);
                if (c == p.firstAnswered()) {
                    if (p.saveProfile()) {
                        saveProfile(caller, p.worker());
                    }
                    kase.append("categories", new ArrayList<>(p.categories().stream().map(Category::name).toList()))
                            .append("presentingProblem", p.problem()).append("updatedAt", date(p.describedAt()));
                    if (p.risk() != null) {
                        assessRisk(kase, assessment(p, c));
                        if (p.risk().level().alertsSupervisors() && caller != null) {
                            caller.append("highRisk", true);
                        }
                    }
                }
            }
            if (p.assignTo() != null) {
                kase.append("ownerId", p.assignTo());
                addToSet(kase, "assignedTo", p.assignTo());
                list(kase, "assignments").add(new Document("to", p.assignTo()).append("by", SearchPlans.SUPERVISOR_ID)
                        .append("at", date(p.assignedAt())));
                kase.append("updatedAt", date(p.assignedAt()));
            }
            if (p.finalStatus() == CaseStatus.CLOSED) {
                change(kase, CaseStatus.CLOSED, p.owner(), p.statusAt(), p.outcome());
                kase.append("outcome", p.outcome());
            } else if (p.finalStatus() == CaseStatus.AWAITING_FOLLOW_UP) {
                change(kase, CaseStatus.AWAITING_FOLLOW_UP, p.owner(), p.statusAt(), "");
            }
        }

        /** CallerRepository.recordCall: the upsert by number. */
        private Document recordCall(String phone, Instant at) {
            Document caller = callers.computeIfAbsent(phone, n -> new Document("_id", new ObjectId())
                    .append("phone", n).append("firstCallAt", date(at)).append("unionMember", false)
                    .append("highRisk", false));
            return caller.append("lastCallAt", date(at));
        }

        /** CaseRepository.open, with CaseNumbers.next. */
        private Document open(Document caller, String phone, Instant at) {
            int year = at.atZone(SearchPlans.ZONE).getYear();
            int number = counters.merge(year, 1, Integer::sum);
            Document kase = new Document("_id", new ObjectId())
                    .append("number", String.format("HL-%d-%06d", year, number))
                    .append("callerId", caller == null ? null : caller.getObjectId("_id").toHexString())
                    .append("phone", phone)
                    .append("status", CaseStatus.OPEN.name())
                    .append("statusHistory", new ArrayList<>(List.of(history(CaseStatus.OPEN, at, "system",
                            "first call"))))
                    .append("categories", new ArrayList<String>())
                    .append("openedAt", date(at))
                    .append("updatedAt", date(at))
                    .append("contactCount", 0);
            cases.add(kase);
            return kase;
        }

        /** ContactRepository.insertInboundCall. */
        private Document insertInboundCall(Document kase, Document caller, Call c, String phone) {
            Document contact = new Document("_id", new ObjectId())
                    .append("caseId", kase.getObjectId("_id").toHexString())
                    .append("callerId", caller == null ? null : caller.getObjectId("_id").toHexString())
                    .append("kind", "inbound_call")
                    .append("uniqueId", c.uniqueId())
                    .append("channel", c.channel())
                    .append("callerNumber", c.callerNumber())
                    .append("phone", phone)
                    .append("offers", new ArrayList<Document>())
                    .append("log", new ArrayList<Document>())
                    .append("startedAt", date(c.arrivedAt()));
            contacts.add(contact);
            return contact;
        }

        /** CaseRepository.recordContact. */
        private void recordContact(Document kase, Instant at) {
            kase.append("contactCount", kase.getInteger("contactCount") + 1).append("updatedAt", date(at))
                    .append("lastContactAt", date(at));
        }

        /** CallRecorder.recordAnswered: the contact, the offer, the case's owner and status, the caller's counselor. */
        private void recordAnswered(Document kase, Document caller, Document contact, Call c) {
            contact.append("answeredAt", date(c.answeredAt())).append("answeredBy", c.counselorId())
                    .append("disposition", "ANSWERED");
            lastOffer(contact).append("outcome", "ANSWER");
            kase.putIfAbsent("ownerId", c.counselorId());
            if (kase.getString("status").equals(CaseStatus.OPEN.name())) {
                kase.append("status", CaseStatus.ACTIVE.name());
                list(kase, "statusHistory").add(history(CaseStatus.ACTIVE, c.answeredAt(), c.counselorId(),
                        "call answered"));
            }
            if (caller != null) {
                caller.append("lastCounselorId", c.counselorId());
            }
        }

        /** CallRecorder.recordEnded: end, wait and talk seconds, abandoned if nobody answered. */
        private void recordEnded(Document contact, Call c) {
            Instant until = c.answered() ? c.answeredAt() : c.endedAt();
            contact.append("endedAt", date(c.endedAt()))
                    .append("waitSeconds", until.getEpochSecond() - c.queuedAt().getEpochSecond())
                    .append("talkSeconds", c.answered()
                            ? Long.valueOf(c.endedAt().getEpochSecond() - c.answeredAt().getEpochSecond()) : null);
            contact.putIfAbsent("disposition", "ABANDONED");
        }

        /** CallerProfiles.save. */
        private void saveProfile(Document caller, Worker w) {
            caller.append("name", w.name()).append("occupation", w.occupation()).append("plate", w.plate())
                    .append("employer", w.employer()).append("region", w.region()).append("dialect", w.dialect())
                    .append("unionMember", w.unionMember());
        }

        /** CaseWork.assessRisk. */
        private void assessRisk(Document kase, RiskAssessment r) {
            Document doc = new Document("thoughts", r.thoughts()).append("plan", r.plan()).append("means", r.means())
                    .append("timeframe", r.timeframe().name()).append("protective", r.protective())
                    .append("level", r.level().name()).append("by", r.assessedBy())
                    .append("byName", r.assessedByName()).append("at", date(r.at()));
            kase.append("risk", doc).append("riskLevel", r.level().name());
            list(kase, "riskHistory").add(doc);
            kase.append("updatedAt", date(r.at()));
        }

        /** CaseWork's status actions. */
        private void change(Document kase, CaseStatus to, String by, Instant at, String note) {
            kase.append("status", to.name());
            list(kase, "statusHistory").add(history(to, at, by, note));
            kase.append("updatedAt", date(at));
        }

        private void log(Document contact, Instant at, String entry) {
            list(contact, "log").add(new Document("at", date(at)).append("entry", entry));
        }

        private List<Document> offers(Document contact) {
            return list(contact, "offers");
        }

        private Document lastOffer(Document contact) {
            List<Document> offers = offers(contact);
            return offers.get(offers.size() - 1);
        }

        @SuppressWarnings("unchecked")
        private <T> List<T> list(Document d, String key) {
            return (List<T>) d.computeIfAbsent(key, k -> new ArrayList<>());
        }

        private void addToSet(Document d, String key, String value) {
            List<String> values = list(d, key);
            if (!values.contains(value)) {
                values.add(value);
            }
        }

        private static Document history(CaseStatus status, Instant at, String by, String note) {
            return new Document("status", status.name()).append("at", date(at)).append("by", by).append("note", note);
        }

        private static Date date(Instant at) {
            return Date.from(at);
        }
    }
}
