package org.carehotline.followups;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * The follow-up lists the console shows: work still to do (for one assignee, the pool, or
 * everyone), and a calendar period. Read-only; the (status, dueAt) index bounds them on MongoDB.
 * Blocking.
 */
public final class FollowUpQueries {

    private final MongoCollection<Document> followups;

    public FollowUpQueries(MongoStore store) {
        this.followups = store.database().getCollection(CollectionNames.FOLLOWUPS);
    }

    /**
     * Follow-ups still to be made (pending, or being dialed) whose next try is before
     * {@code dueBefore}, soonest first.
     *
     * @param assignee a counselor id or {@code pool}; empty for everyone's
     */
    public List<FollowUp> open(Optional<String> assignee, Instant dueBefore, int limit) {
        return find(and(in("status", FollowUpStatus.OPEN), lt("dueAt", Date.from(dueBefore))), assignee, limit);
    }

    /** Follow-ups due in [{@code from}, {@code to}), in any state but cancelled, soonest first. */
    public List<FollowUp> dueBetween(Instant from, Instant to, Optional<String> assignee, int limit) {
        return find(and(ne("status", FollowUpStatus.CANCELLED), gte("dueAt", Date.from(from)),
                lt("dueAt", Date.from(to))), assignee, limit);
    }

    private List<FollowUp> find(Bson filter, Optional<String> assignee, int limit) {
        Bson query = assignee.map(a -> and(filter, eq("assignee", a))).orElse(filter);
        return followups.find(query).sort(Sorts.ascending("dueAt")).limit(limit).map(FollowUpDocs::toFollowUp)
                .into(new ArrayList<>());
    }
}
