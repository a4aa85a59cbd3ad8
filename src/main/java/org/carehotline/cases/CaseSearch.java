package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Case search with paging, newest activity first. Blocking.
 *
 * <p>How it reads, shaped by the embedded server, which answers a query from an index only when
 * the query is one condition on a uniquely indexed field, scans otherwise, sorts with a slow
 * comparator, and checks {@code $in} by walking its list for every document it scans:
 * <ul>
 *   <li>phone, name and plate are looked up among the callers first (a number through their
 *       unique index), then their cases by caller id: a case's phone is always its caller's;</li>
 *   <li>one query reads the id, update time and caller of every case that matches the case's own
 *       fields; they are sorted and counted here, and the page's cases then read by id;</li>
 *   <li>a counselor's visible cases, and more than {@link #CALLERS_SENT} callers, are checked
 *       here against hash sets rather than sent as a long {@code $in}, which costs the embedded
 *       server cases × list comparisons (seconds for a counselor's few thousand cases).</li>
 * </ul>
 * The results are those of one query with every condition sorted by {@code updatedAt}, as before
 * (see CaseSearchTest). Reading the keys of every match costs about what the count did, which
 * also went through every match. Measured by {@code bench/SearchBenchmark}.
 */
public final class CaseSearch {

    /** One page of results and the number of all matches. */
    public record Page(List<CaseFile> cases, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * Up to this many callers go to the server as one {@code callerId $in} condition (a real
     * MongoDB answers it from its index); more (a surname, the start of a plate) are checked here.
     */
    static final int CALLERS_SENT = 50;

    /** A matching case's id and update time: what sorting and paging need. */
    private record Key(ObjectId id, Date updatedAt) {
    }

    /**
     * Newest activity first (a case without an update time last, as MongoDB sorts a missing
     * field); equal times by id, the order the embedded server's stable sort leaves them in.
     */
    private static final Comparator<Key> NEWEST_FIRST = Comparator.comparing(Key::updatedAt,
            Comparator.nullsFirst(Comparator.<Date>naturalOrder())).reversed().thenComparing(Key::id);

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> callers;

    public CaseSearch(MongoStore store) {
        this.cases = store.database().getCollection(CollectionNames.CASES);
        this.callers = store.database().getCollection(CollectionNames.CALLERS);
    }

    /**
     * @param visibleIds when present, only these cases may be found (a counselor's own cases)
     * @param page       1-based
     */
    public Page search(CaseQuery q, Optional<Set<String>> visibleIds, int page, int size) {
        Optional<Set<ObjectId>> visible = visibleIds.map(ids -> ids.stream().filter(ObjectId::isValid)
                .map(ObjectId::new).collect(Collectors.toSet()));
        Optional<Set<String>> callerIds = matchingCallers(q);
        if (callerIds.map(Set::isEmpty).orElse(false) || visible.map(Set::isEmpty).orElse(false)) {
            return new Page(List.of(), 0, page, size);
        }
        List<Bson> conditions = caseConditions(q);
        Optional<Set<String>> callersHere = callerIds.filter(ids -> ids.size() > CALLERS_SENT);
        if (callerIds.isPresent() && callersHere.isEmpty()) {
            conditions.add(in("callerId", callerIds.get()));
        }
        Bson filter = conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0)
                : and(conditions);
        List<Key> keys = new ArrayList<>();
        cases.find(filter).projection(Projections.include("updatedAt", "callerId")).forEach(d -> {
            ObjectId id = d.getObjectId("_id");
            if (visible.map(v -> v.contains(id)).orElse(true)
                    && callersHere.map(c -> c.contains(d.getString("callerId"))).orElse(true)) {
                keys.add(new Key(id, d.getDate("updatedAt")));
            }
        });
        keys.sort(NEWEST_FIRST);
        int from = (int) Math.min(keys.size(), Math.max(0L, (long) (page - 1) * size));
        List<ObjectId> pageIds = keys.subList(from, Math.min(keys.size(), from + size)).stream().map(Key::id).toList();
        return new Page(read(pageIds), keys.size(), page, size);
    }

    /** The cases with these ids, in this order (one query by id, which the embedded server answers from its index). */
    private List<CaseFile> read(List<ObjectId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<ObjectId, Document> byId = new HashMap<>();
        cases.find(in("_id", ids)).forEach(d -> byId.put(d.getObjectId("_id"), d));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(CaseWork::toFile).toList();
    }

    /** The conditions on the case's own fields. */
    private static List<Bson> caseConditions(CaseQuery q) {
        List<Bson> filters = new ArrayList<>();
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
        return filters;
    }

    /**
     * The ids of the callers that the query's phone, name and plate match (all of those given),
     * or empty when it gives none of them. The phone matches the normalized number or a part of
     * its digits.
     */
    private Optional<Set<String>> matchingCallers(CaseQuery q) {
        Set<String> ids = null;
        if (!q.phone().isEmpty()) {
            String digits = q.phone().replaceAll("\\D", "");
            Optional<String> normalized = PhoneNumbers.normalize(q.phone());
            ids = new LinkedHashSet<>();
            // each alone, one condition on the number: the embedded server answers it from the unique index
            if (normalized.isPresent()) {
                ids.addAll(callerIds(eq("phone", normalized.get())));
            }
            ids.addAll(callerIds(regex("phone", Pattern.quote(digits.isEmpty() ? q.phone() : digits))));
        }
        List<Bson> profile = new ArrayList<>();
        if (!q.name().isEmpty()) {
            profile.add(regex("name", Pattern.quote(q.name()), "i"));
        }
        if (!q.plate().isEmpty()) {
            profile.add(regex("plate", Pattern.quote(q.plate()), "i"));
        }
        if (!profile.isEmpty() && (ids == null || !ids.isEmpty())) {
            Set<String> byProfile = new HashSet<>(callerIds(profile.size() == 1 ? profile.get(0) : and(profile)));
            if (ids == null) {
                ids = byProfile;
            } else {
                ids.retainAll(byProfile);
            }
        }
        return Optional.ofNullable(ids);
    }

    private List<String> callerIds(Bson filter) {
        List<String> ids = new ArrayList<>();
        callers.find(filter).projection(Projections.include("_id"))
                .forEach(d -> ids.add(d.getObjectId("_id").toHexString()));
        return ids;
    }
}
