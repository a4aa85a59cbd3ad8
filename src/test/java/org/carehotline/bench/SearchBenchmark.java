package org.carehotline.bench;

import com.mongodb.client.model.Projections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import org.bson.Document;
import org.carehotline.bench.SearchPlans.CasePlan;
import org.carehotline.bench.SearchPlans.Counselor;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseQuery;
import org.carehotline.cases.CaseSearch;
import org.carehotline.cases.CaseStatus;
import org.carehotline.cases.CaseVisibility;
import org.carehotline.cases.Category;
import org.carehotline.cases.RiskLevel;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;

/**
 * Case search on tens of thousands of cases (a program, not a test). Seeds N cases with their
 * callers and calls ({@link SearchPlans}: Chinese names, plates, normalized mobiles, categories,
 * risk levels, statuses, 12 counselors, over one year), a sample through the real repositories
 * and the rest in bulk as the same documents ({@link SearchSeed}, which checks that), then times
 * every kind of search the /cases page offers through {@link CaseSearch}, as
 * {@code SearchRoutes} calls it: a supervisor's view (all cases) and a counselor's (only the
 * cases {@link CaseVisibility#caseIdsWorkedBy} gives). The page asks for those before every
 * search: timed on a row of its own, and once more with the search in a counselor's whole
 * request for their case list (the lookup reads every contact, which also takes the cases out of
 * the embedded server's page cache). Each kind runs several times, with a different target each
 * time (a worker's number, name or plate, a case number, a status ...); printed: the matches and
 * p50 / p95 / max of the first page and of the last page (20 a page), and a fingerprint of all
 * results, which another version of the search code must reproduce on the same arguments.
 *
 * <pre>
 * JAVA_HOME="$(.ci/jdk)" ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dmain.class=org.carehotline.bench.SearchBenchmark -Dexec.args="30000 [--reps=10] [--sample=200] [--seed=42]"
 * </pre>
 * {@code --sample}: workers written through the repositories. With {@code HOTLINE_TEST_MONGO_URI}
 * set it runs on that MongoDB instead of the embedded server.
 */
public final class SearchBenchmark {

    private static final int PAGE_SIZE = 20; // SearchRoutes.PAGE_SIZE

    /**
     * What the benchmark searches for on one run: a case of the view and its caller (blank fields
     * for an anonymous one); {@code counselor} is null in a supervisor's view.
     */
    private record Target(Document kase, Document caller, Counselor counselor, Random random) {
        String phone() {
            return caller.getString("phone");
        }

        String name() {
            return caller.getString("name");
        }

        String plate() {
            return caller.getString("plate");
        }
    }

    /** One kind of search: what it needs of its target (a name, a plate ...) and the query. */
    private record Kind(String name, Need need, BiFunction<Target, List<Counselor>, CaseQuery> query) {
    }

    private enum Need { CASE, CALLER, NAME, PLATE }

    private record Row(String kind, String view, long[] matches, long[] firstNanos, long[] lastNanos) {
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = 30_000;
        int reps = 10;
        int sample = 200;
        long seed = 42;
        for (String arg : args) {
            if (arg.startsWith("--reps=")) {
                reps = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--sample=")) {
                sample = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring(7));
            } else {
                cases = Integer.parseInt(arg.replace("_", "").replace(",", ""));
            }
        }
        String loadBefore = Machine.loadAverage();
        Path dir = Files.createTempDirectory("search-bench");
        try (MongoStore store = TestStores.open(dir)) {
            System.out.printf("=== Care Hotline case search benchmark ===%n");
            System.out.printf("machine: %d CPUs (%s), %s memory; load average (1/5/15 min) %s at start%n",
                    Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), Machine.memTotal(), loadBefore);
            System.out.printf("JDK:     %s; heap max %d MB%n", Machine.jdkAndOs(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("store:   %s%n", store.description());
            System.out.printf("cases:   %,d; %d runs per search kind and view; %d workers through the repositories;"
                    + " seed %d%n%n", cases, reps, sample, seed);

            SearchPlans planner = new SearchPlans(seed);
            List<List<CasePlan>> byWorker = planner.byWorker(cases);
            List<CasePlan> throughRepositories = byWorker.stream().limit(sample).flatMap(List::stream).toList();
            List<CasePlan> inBulk = byWorker.stream().skip(sample).flatMap(List::stream).toList();
            SearchSeed seeder = new SearchSeed(store, planner.counselors());
            long t = System.nanoTime();
            seeder.writeThroughRepositories(throughRepositories);
            System.out.printf("seeded %,d cases through the repositories in %.1f s%n", throughRepositories.size(),
                    (System.nanoTime() - t) / 1e9);
            List<String> differences = seeder.verify(throughRepositories);
            if (!differences.isEmpty()) {
                differences.stream().limit(5).forEach(System.out::println);
                throw new IllegalStateException("the bulk documents differ from the repositories' ("
                        + differences.size() + " documents; the first ones above)");
            }
            System.out.println("replayed them as bulk documents: callers, cases and contacts identical to the stored ones");
            t = System.nanoTime();
            seeder.writeInBulk(inBulk);
            System.out.printf("inserted %,d more cases in bulk in %.1f s%n", inBulk.size(), (System.nanoTime() - t) / 1e9);
            System.out.printf("store now: %,d cases, %,d callers, %,d contacts; load average %s%n%n",
                    count(store, CollectionNames.CASES), count(store, CollectionNames.CALLERS),
                    count(store, CollectionNames.CONTACTS), Machine.loadAverage());

            new SearchBenchmark.Run(store, planner.counselors(), reps, seed).run();
            System.out.printf("%nload average (1/5/15 min) at the end: %s%n", Machine.loadAverage());
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder
        }
    }

    private static long count(MongoStore store, String collection) {
        return store.database().getCollection(collection).countDocuments();
    }

    private static final class Run {

        private final CaseSearch search;
        private final CaseVisibility visibility;
        private final List<Counselor> counselors;
        private final int reps;
        private final Random random;
        private final List<Document> cases;
        private final Map<String, Document> callers = new HashMap<>();
        private final Map<String, List<Document>> casesByCounselor = new HashMap<>();
        private final Map<String, Set<String>> visible = new HashMap<>();
        private final CRC32 fingerprint = new CRC32();

        Run(MongoStore store, List<Counselor> counselors, int reps, long seed) {
            this.search = new CaseSearch(store);
            this.visibility = new CaseVisibility(store);
            this.counselors = counselors;
            this.reps = reps;
            this.random = new Random(seed + 1);
            this.cases = store.database().getCollection(CollectionNames.CASES).find()
                    .projection(Projections.include("number", "callerId", "ownerId", "assignedTo"))
                    .into(new ArrayList<>());
            cases.sort(Comparator.comparing(d -> d.getString("number")));
            store.database().getCollection(CollectionNames.CALLERS).find()
                    .projection(Projections.include("phone", "name", "plate"))
                    .forEach(d -> callers.put(d.getObjectId("_id").toHexString(), withBlanks(d)));
            for (Document d : cases) {
                Set<String> people = new LinkedHashSet<>(d.getList("assignedTo", String.class, List.of()));
                Optional.ofNullable(d.getString("ownerId")).ifPresent(people::add);
                people.forEach(p -> casesByCounselor.computeIfAbsent(p, k -> new ArrayList<>()).add(d));
            }
        }

        void run() {
            List<Kind> kinds = kinds();
            long[] visibleCounts = new long[reps];
            long[] visibilityNanos = new long[reps];
            for (int i = 0; i < reps; i++) {
                Counselor c = counselors.get(i % counselors.size());
                long t = System.nanoTime();
                Set<String> ids = visibility.caseIdsWorkedBy(c.id());
                visibilityNanos[i] = System.nanoTime() - t;
                visibleCounts[i] = ids.size();
                visible.put(c.id(), ids);
            }
            counselors.forEach(c -> visible.computeIfAbsent(c.id(), visibility::caseIdsWorkedBy));
            // warm-up: every kind once in each view, not timed
            for (Kind kind : kinds) {
                measure(kind, false, 1);
                measure(kind, true, 1);
            }
            List<Row> rows = new ArrayList<>();
            for (Kind kind : kinds) {
                rows.add(measure(kind, false, reps));
                rows.add(measure(kind, true, reps));
            }
            // a counselor's request as SearchRoutes serves it: their visible cases, then the search
            long[] pageNanos = new long[reps];
            long[] pageMatches = new long[reps];
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                Set<String> ids = visibility.caseIdsWorkedBy(counselors.get(i % counselors.size()).id());
                pageMatches[i] = search.search(CaseQuery.everything(), Optional.of(ids), 1, PAGE_SIZE).total();
                pageNanos[i] = System.nanoTime() - t;
            }
            System.out.printf("| search (%d a page) | view | matches (median) | first page p50 / p95 / max, ms"
                    + " | last page p50 / p95 / max, ms |%n", PAGE_SIZE);
            System.out.println("| --- | --- | ---: | ---: | ---: |");
            for (Row r : rows) {
                System.out.printf("| %s | %s | %,d | %s | %s |%n", r.kind(), r.view(), median(r.matches()),
                        stats(r.firstNanos()), r.lastNanos().length == 0 ? "(one page)" : stats(r.lastNanos()));
            }
            System.out.printf("| *the counselor's visible cases* (`CaseVisibility.caseIdsWorkedBy`, asked before each"
                    + " of their searches) | counselor | %,d | %s | |%n", median(visibleCounts), stats(visibilityNanos));
            System.out.printf("| *a counselor's whole request*: visible cases, then all of them | counselor | %,d | %s"
                    + " | |%n", median(pageMatches), stats(pageNanos));
            System.out.printf("%np95 is the nearest rank: with fewer than 20 runs it is the slowest run. The searches"
                    + " in a counselor's view above are timed without the visible cases' lookup.%n");
            System.out.printf("results fingerprint: %08x (totals and case numbers of every page fetched; the same"
                    + " arguments must give the same fingerprint whatever the search code)%n", fingerprint.getValue());
        }

        /** Runs the kind {@code runs} times, each with a new target; the last page only when there is more than one. */
        private Row measure(Kind kind, boolean counselorView, int runs) {
            long[] matches = new long[runs];
            long[] first = new long[runs];
            long[] last = new long[runs];
            int lastCount = 0;
            for (int i = 0; i < runs; i++) {
                Counselor counselor = counselorView ? counselors.get(i % counselors.size()) : null;
                Target target = target(kind.need(), counselor);
                CaseQuery query = kind.query().apply(target, counselors);
                Optional<Set<String>> view = counselorView ? Optional.of(visible.get(counselor.id())) : Optional.empty();
                long t = System.nanoTime();
                CaseSearch.Page page = search.search(query, view, 1, PAGE_SIZE);
                first[i] = System.nanoTime() - t;
                matches[i] = page.total();
                note(kind, counselorView, page);
                if (page.pages() > 1) {
                    t = System.nanoTime();
                    CaseSearch.Page deep = search.search(query, view, (int) page.pages(), PAGE_SIZE);
                    last[lastCount++] = System.nanoTime() - t;
                    note(kind, counselorView, deep);
                }
            }
            return new Row(kind.name(), counselorView ? "counselor" : "supervisor", matches, first,
                    Arrays.copyOf(last, lastCount));
        }

        private void note(Kind kind, boolean counselorView, CaseSearch.Page page) {
            StringBuilder s = new StringBuilder(kind.name()).append(counselorView).append(page.page())
                    .append('/').append(page.total());
            page.cases().stream().map(CaseFile::base).forEach(c -> s.append(',').append(c.number()));
            fingerprint.update(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** A case of the view (any case for a supervisor, one of the counselor's own) whose caller has what the kind needs. */
        private Target target(Need need, Counselor counselor) {
            List<Document> pool = counselor == null ? cases : casesByCounselor.get(counselor.id());
            for (int attempt = 0; ; attempt++) {
                Document kase = pool.get(random.nextInt(pool.size()));
                Document caller = kase.getString("callerId") == null ? null : callers.get(kase.getString("callerId"));
                boolean fits = switch (need) {
                    case CASE -> true;
                    case CALLER -> caller != null;
                    case NAME -> caller != null && !caller.getString("name").isEmpty();
                    case PLATE -> caller != null && !caller.getString("plate").isEmpty();
                };
                if (fits || attempt > 10_000) {
                    return new Target(kase, caller == null ? new Document("phone", "").append("name", "")
                            .append("plate", "") : caller, counselor, random);
                }
            }
        }

        /** A caller whose card nobody filled in has no name or plate field. */
        private static Document withBlanks(Document caller) {
            Document d = new Document(caller);
            d.putIfAbsent("name", "");
            d.putIfAbsent("plate", "");
            return d;
        }

        private static List<Kind> kinds() {
            return List.of(
                    new Kind("all cases (no filter)", Need.CASE, (t, cs) -> CaseQuery.everything()),
                    new Kind("phone, whole number typed as +86 138 1234 5678", Need.CALLER, (t, cs) ->
                            query(b -> b.phone = "+86 " + t.phone().substring(0, 3) + " " + t.phone().substring(3, 7)
                                    + " " + t.phone().substring(7))),
                    new Kind("phone, last 4 digits", Need.CALLER, (t, cs) ->
                            query(b -> b.phone = t.phone().substring(t.phone().length() - 4))),
                    new Kind("name, whole", Need.NAME, (t, cs) -> query(b -> b.name = t.name())),
                    new Kind("name, surname only", Need.NAME, (t, cs) -> query(b -> b.name = t.name().substring(0, 1))),
                    new Kind("plate, whole (豫A12345)", Need.PLATE, (t, cs) -> query(b -> b.plate = t.plate())),
                    new Kind("plate, first 2 characters (豫A)", Need.PLATE, (t, cs) ->
                            query(b -> b.plate = t.plate().substring(0, 2))),
                    new Kind("case number, whole", Need.CASE, (t, cs) ->
                            query(b -> b.number = t.kase().getString("number"))),
                    new Kind("status", Need.CASE, (t, cs) -> query(b -> b.status = Optional.of(
                            CaseStatus.values()[t.random().nextInt(CaseStatus.values().length)]))),
                    new Kind("category", Need.CASE, (t, cs) -> query(b -> b.category = Optional.of(
                            Category.values()[t.random().nextInt(Category.values().length)]))),
                    new Kind("risk level", Need.CASE, (t, cs) -> query(b -> b.risk = Optional.of(
                            RiskLevel.values()[t.random().nextInt(RiskLevel.values().length)]))),
                    new Kind("counselor (a supervisor: any; a counselor: themself)", Need.CASE, (t, cs) ->
                            query(b -> b.counselor = t.counselor() == null
                                    ? cs.get(t.random().nextInt(cs.size())).id() : t.counselor().id())),
                    new Kind("opened within 30 days", Need.CASE, (t, cs) -> query(b -> b.month(t.random()))),
                    new Kind("status + category + risk + opened within 30 days", Need.CASE, (t, cs) -> query(b -> {
                        b.status = Optional.of(t.random().nextBoolean() ? CaseStatus.CLOSED : CaseStatus.ACTIVE);
                        b.category = Optional.of(Category.values()[t.random().nextInt(2)]);
                        b.risk = Optional.of(RiskLevel.values()[t.random().nextInt(3)]);
                        b.month(t.random());
                    })));
        }

        private static CaseQuery query(java.util.function.Consumer<QueryBuilder> fill) {
            QueryBuilder b = new QueryBuilder();
            fill.accept(b);
            return b.build();
        }

        private static long median(long[] values) {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        }

        private static String stats(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return ms(rank(sorted, 50)) + " / " + ms(rank(sorted, 95)) + " / " + ms(sorted[sorted.length - 1]);
        }

        private static long rank(long[] sorted, int p) {
            return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        private static String ms(long nanos) {
            double ms = nanos / 1e6;
            return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%,.0f", ms);
        }
    }

    /** The form's fields as SearchRoutes turns them into a {@link CaseQuery}: dates are whole days in the hotline's zone. */
    private static final class QueryBuilder {
        String phone = "";
        String name = "";
        String plate = "";
        String number = "";
        Optional<CaseStatus> status = Optional.empty();
        Optional<Category> category = Optional.empty();
        Optional<RiskLevel> risk = Optional.empty();
        String counselor = "";
        Optional<LocalDate> from = Optional.empty();
        Optional<LocalDate> to = Optional.empty();

        /** 30 days (from and to inclusive) starting on a random day of the year. */
        void month(Random random) {
            LocalDate start = SearchPlans.LAST_DAY.minusDays(random.nextInt(335) + 30);
            from = Optional.of(start);
            to = Optional.of(start.plusDays(29));
        }

        CaseQuery build() {
            return new CaseQuery(phone, name, plate, number, status, category, risk, counselor,
                    from.map(d -> d.atStartOfDay(SearchPlans.ZONE).toInstant()),
                    to.map(d -> d.plusDays(1).atStartOfDay(SearchPlans.ZONE).toInstant()));
        }
    }
}
