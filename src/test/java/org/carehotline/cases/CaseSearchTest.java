package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CaseSearch} finds the same cases, in the same order and with the same total, as the
 * search it replaced (one query with every condition, kept below as {@link #reference}), for
 * every kind of search, in a supervisor's and a counselor's view, on every page.
 */
class CaseSearchTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2026-01-05T01:00:00Z");
    private static final String[] COUNSELORS = {"5f0000000000000000000a01", "5f0000000000000000000a02",
        "5f0000000000000000000a03"};
    private static final String[] NAMES = {"王芳", "王伟", "王秀英", "李伟", "李娜", "张敏", "张伟", "刘洋", "陈静", ""};
    private static final String[] PLATES = {"豫A12345", "豫A88K21", "豫B55555", "冀A12345", "豫AD1234", "", ""};

    @TempDir
    Path dir;
    private MongoStore store;
    private CaseSearch search;
    private MongoCollection<Document> cases;
    private final List<String> phones = new ArrayList<>();
    private final List<String> caseIds = new ArrayList<>();

    @BeforeEach
    void seed() {
        store = TestStores.open(dir);
        search = new CaseSearch(store);
        cases = store.database().getCollection(CollectionNames.CASES);
        CallerRepository callers = new CallerRepository(store);
        CallerProfiles profiles = new CallerProfiles(store);
        CaseRepository repository = new CaseRepository(store, ZONE);
        CaseWork work = new CaseWork(store);
        Random random = new Random(7);
        Instant at = START;
        for (int i = 0; i < 70; i++) { // more than CaseSearch.CALLERS_SENT share the start of their number
            String phone = i % 10 == 9 ? "0371" + (6000_0000 + i) : "1380013" + String.format("%04d", 8000 + i * 7);
            phones.add(phone);
            Caller caller = callers.recordCall(phone, at);
            if (i % 8 != 7) { // some cards are never filled in
                profiles.save(new CallerProfile(caller.id(), phone, NAMES[i % NAMES.length], "truck_driver",
                        PLATES[i % PLATES.length], "", "郑州", "henan", false, false, Optional.empty()));
            }
            for (int c = 0; c < 1 + i % 3; c++) {
                at = at.plusSeconds(3600 + random.nextInt(7200));
                caseIds.add(openCase(repository, work, random, caller.id(), phone, at));
            }
        }
        for (int i = 0; i < 3; i++) { // anonymous callers: no caller, no phone
            at = at.plusSeconds(3600);
            caseIds.add(openCase(repository, work, random, null, null, at));
        }
        // cases updated at the same moment (the newest, on the first page): ties are ordered the same way
        Date same = Date.from(at.plusSeconds(86400));
        for (int i : new int[] {40, 3, 21, 8, 34, 5, 13, 55}) {
            cases.updateOne(eq("_id", new ObjectId(caseIds.get(i))), com.mongodb.client.model.Updates.set("updatedAt",
                    same));
        }
    }

    private String openCase(CaseRepository repository, CaseWork work, Random random, String callerId, String phone,
                            Instant at) {
        CareCase opened = repository.open(callerId, phone, at);
        String id = opened.id();
        Category[] categories = Category.values();
        repository.addCategory(id, categories[random.nextInt(categories.length)]);
        String counselor = COUNSELORS[random.nextInt(COUNSELORS.length)];
        if (random.nextInt(5) != 0) {
            repository.recordCounselorAnswered(id, counselor, at.plusSeconds(30));
            RiskLevel level = RiskLevel.values()[random.nextInt(RiskLevel.values().length)];
            work.assessRisk(id, new RiskAssessment(true, false, false, RiskLevel.Timeframe.NONE, "", level, counselor,
                    "咨询员", at.plusSeconds(600)));
        }
        if (random.nextInt(6) == 0) {
            work.assign(id, COUNSELORS[random.nextInt(COUNSELORS.length)], "supervisor", at.plusSeconds(900));
        }
        switch (random.nextInt(3)) {
            case 0 -> work.close(id, "ok", counselor, at.plusSeconds(1200));
            case 1 -> work.awaitFollowUp(id, counselor, at.plusSeconds(1200), "");
            default -> repository.recordContact(id, at.plusSeconds(random.nextInt(5000)));
        }
        return id;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void findsWhatOneQueryWithEveryConditionFound() {
        String phone = phones.get(4);
        List<CaseQuery> queries = new ArrayList<>(List.of(
                CaseQuery.everything(),
                query(phone, "", "", ""),
                query("+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7), "", "", ""),
                query("0086" + phone, "", "", ""),
                query("8000", "", "", ""),
                query("138-0013", "", "", ""),
                query("1380013", "", "", ""),
                query("0371", "", "", ""),
                query("13900000000", "", "", ""),
                query("abc", "", "", ""),
                query("", "王", "", ""),
                query("", "王芳", "", ""),
                query("", "芳", "", ""),
                query("", "赵", "", ""),
                query("", "", "豫A", ""),
                query("", "", "豫a12345", ""),
                query("", "", "12345", ""),
                query("", "王", "豫A", ""),
                query(phone, "李", "", ""),
                query("13800", "王", "豫", ""),
                query("", "", "", "HL-2026-00001"),
                query("", "", "", "hl-2026"),
                query("", "", "", "-000042"),
                query("", "", "", "HL-2025")));
        for (CaseStatus s : CaseStatus.values()) {
            queries.add(with(CaseQuery.everything(), Optional.of(s), Optional.empty(), Optional.empty(), ""));
        }
        for (Category c : Category.values()) {
            queries.add(with(CaseQuery.everything(), Optional.empty(), Optional.of(c), Optional.empty(), ""));
        }
        for (RiskLevel r : RiskLevel.values()) {
            queries.add(with(CaseQuery.everything(), Optional.empty(), Optional.empty(), Optional.of(r), ""));
        }
        for (String counselor : COUNSELORS) {
            queries.add(with(CaseQuery.everything(), Optional.empty(), Optional.empty(), Optional.empty(), counselor));
        }
        queries.add(with(CaseQuery.everything(), Optional.empty(), Optional.empty(), Optional.empty(), "-none-"));
        queries.add(with(query("", "王", "", ""), Optional.of(CaseStatus.CLOSED), Optional.empty(), Optional.empty(),
                ""));
        queries.add(with(query("1380013", "", "", ""), Optional.empty(), Optional.of(Category.LEGAL_ADVICE),
                Optional.of(RiskLevel.LOW), COUNSELORS[1]));
        Instant from = START.plusSeconds(20 * 86400);
        queries.add(opened(CaseQuery.everything(), Optional.of(from), Optional.empty()));
        queries.add(opened(CaseQuery.everything(), Optional.empty(), Optional.of(from)));
        queries.add(opened(query("", "", "豫", ""), Optional.of(from), Optional.of(from.plusSeconds(15 * 86400))));

        List<Optional<Set<String>>> views = new ArrayList<>();
        views.add(Optional.empty());
        for (String counselor : COUNSELORS) {
            views.add(Optional.of(new CaseVisibility(store).caseIdsWorkedBy(counselor)));
        }
        Set<String> someAndGarbage = new LinkedHashSet<>(caseIds.subList(0, caseIds.size() / 2));
        someAndGarbage.add("not-an-id");
        views.add(Optional.of(someAndGarbage));
        views.add(Optional.of(Set.of()));

        int compared = 0;
        for (CaseQuery q : queries) {
            for (Optional<Set<String>> view : views) {
                long total = reference(q, view, 1, 5).total();
                for (int page : new int[] {1, 2, (int) Math.max(1, (total + 4) / 5), (int) (total + 4) / 5 + 1}) {
                    CaseSearch.Page expected = reference(q, view, page, 5);
                    CaseSearch.Page actual = search.search(q, view, page, 5);
                    String what = q + " in " + view.map(v -> v.size() + " visible").orElse("all") + ", page " + page;
                    assertEquals(expected.total(), actual.total(), what);
                    assertEquals(ids(expected), ids(actual), what);
                    assertEquals(expected, actual, what);
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
        assertTrue(search.search(query("1380013", "", "", ""), Optional.empty(), 1, 5).total() > 0);
        assertTrue(phones.stream().filter(p -> p.startsWith("1380013")).count() > CaseSearch.CALLERS_SENT,
                "callers checked in a hash set as well as sent to the server");
    }

    @Test
    void aWholeNumberTypedAnyWayFindsTheCallersCasesAndACounselorOnlyTheirs() {
        String phone = phones.get(5); // the sixth caller has three cases
        List<String> theirs = cases.find(eq("phone", phone)).map(d -> d.getObjectId("_id").toHexString())
                .into(new ArrayList<>());
        assertEquals(3, theirs.size());
        for (String typed : List.of(phone, "+86 " + phone, "0086-" + phone, phone.substring(3))) {
            CaseSearch.Page found = search.search(query(typed, "", "", ""), Optional.empty(), 1, 20);
            assertEquals(Set.copyOf(theirs), Set.copyOf(ids(found)), typed);
        }
        CaseSearch.Page mine = search.search(query(phone, "", "", ""), Optional.of(Set.of(theirs.get(1), "junk")), 1, 20);
        assertEquals(List.of(theirs.get(1)), ids(mine));
        assertEquals(1, mine.total());
    }

    private static List<String> ids(CaseSearch.Page page) {
        return page.cases().stream().map(f -> f.base().id()).toList();
    }

    private static CaseQuery query(String phone, String name, String plate, String number) {
        return new CaseQuery(phone, name, plate, number, Optional.empty(), Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty());
    }

    private static CaseQuery with(CaseQuery q, Optional<CaseStatus> status, Optional<Category> category,
                                  Optional<RiskLevel> risk, String counselorId) {
        return new CaseQuery(q.phone(), q.name(), q.plate(), q.number(), status, category, risk, counselorId,
                q.openedFrom(), q.openedBefore());
    }

    private static CaseQuery opened(CaseQuery q, Optional<Instant> from, Optional<Instant> before) {
        return new CaseQuery(q.phone(), q.name(), q.plate(), q.number(), q.status(), q.category(), q.risk(),
                q.counselorId(), from, before);
    }

    /** The search as it was before it was measured: one count and one sorted find with every condition. */
    private CaseSearch.Page reference(CaseQuery q, Optional<Set<String>> visibleIds, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        visibleIds.ifPresent(ids -> filters.add(in("_id", ids.stream().filter(ObjectId::isValid).map(ObjectId::new)
                .toList())));
        if (!q.phone().isEmpty()) {
            String digits = q.phone().replaceAll("\\D", "");
            Optional<String> normalized = PhoneNumbers.normalize(q.phone());
            filters.add(normalized.isPresent() ? or(eq("phone", normalized.get()), regex("phone", Pattern.quote(digits)))
                    : regex("phone", Pattern.quote(digits.isEmpty() ? q.phone() : digits)));
        }
        if (!q.name().isEmpty() || !q.plate().isEmpty()) {
            List<Bson> callerFilters = new ArrayList<>();
            if (!q.name().isEmpty()) {
                callerFilters.add(regex("name", Pattern.quote(q.name()), "i"));
            }
            if (!q.plate().isEmpty()) {
                callerFilters.add(regex("plate", Pattern.quote(q.plate()), "i"));
            }
            List<String> callerIds = new ArrayList<>();
            store.database().getCollection(CollectionNames.CALLERS).find(and(callerFilters))
                    .projection(Projections.include("_id")).forEach(d -> callerIds.add(d.getObjectId("_id").toHexString()));
            filters.add(in("callerId", callerIds));
        }
        if (!q.number().isEmpty()) {
            filters.add(regex("number", Pattern.quote(q.number().toUpperCase(Locale.ROOT))));
        }
        q.status().ifPresent(s -> filters.add(eq("status", s.name())));
        q.category().ifPresent(c -> filters.add(eq("categories", c.name())));
        q.risk().ifPresent(r -> filters.add(eq("riskLevel", r.name())));
        if (!q.counselorId().isEmpty()) {
            filters.add(or(eq("ownerId", q.counselorId()), eq("assignedTo", q.counselorId())));
        }
        q.openedFrom().ifPresent(t -> filters.add(gte("openedAt", Date.from(t))));
        q.openedBefore().ifPresent(t -> filters.add(lt("openedAt", Date.from(t))));
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        long total = cases.countDocuments(filter);
        List<CaseFile> found = cases.find(filter).sort(Sorts.descending("updatedAt")).skip((page - 1) * size)
                .limit(size).map(CaseWork::toFile).into(new ArrayList<>());
        return new CaseSearch.Page(found, total, page, size);
    }
}
