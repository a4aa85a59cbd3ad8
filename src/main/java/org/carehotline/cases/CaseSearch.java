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
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Case search with paging, newest activity first. Blocking. */
public final class CaseSearch {

    /** One page of results and the number of all matches. */
    public record Page(List<CaseFile> cases, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

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
            callers.find(and(callerFilters)).projection(Projections.include("_id"))
                    .forEach(d -> callerIds.add(d.getObjectId("_id").toHexString()));
            filters.add(in("callerId", callerIds));
        }
        if (!q.number().isEmpty()) {
            filters.add(regex("number", Pattern.quote(q.number().toUpperCase(java.util.Locale.ROOT))));
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
        return new Page(found, total, page, size);
    }
}
