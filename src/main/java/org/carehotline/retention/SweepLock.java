package org.carehotline.retention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * One sweep at a time across every server on the database: a single lock document taken with
 * an atomic update while its lease has lapsed, renewed after each batch, released at the end.
 * A server that dies mid-sweep leaves the lock to the others once the lease lapses. The daily
 * sweep's claim also names the local day, and succeeds only if no server swept that day yet:
 * several servers starting their daily check at the same hour sweep once. Blocking.
 */
final class SweepLock {

    private static final String ID = "sweep";

    private final MongoCollection<Document> locks;
    private final Duration lease;

    SweepLock(MongoStore store, Duration lease) {
        this.locks = store.database().getCollection(CollectionNames.RETENTION);
        this.lease = lease;
    }

    /**
     * Takes the lock if nobody holds it.
     *
     * @param day the day a daily sweep claims (refused if that day was swept); empty for a sweep on demand
     */
    Optional<Claim> claim(Instant now, Optional<LocalDate> day) {
        // the document exists from the first claim on; an upsert on the id alone never races into a duplicate
        locks.updateOne(eq("_id", ID), setOnInsert("until", new Date(0)), new UpdateOptions().upsert(true));
        List<Bson> free = new ArrayList<>(List.of(eq("_id", ID), lt("until", Date.from(now))));
        day.ifPresent(d -> free.add(ne("day", d.toString())));
        String token = UUID.randomUUID().toString();
        Document taken = locks.findOneAndUpdate(and(free), combine(set("token", token),
                set("until", Date.from(now.plus(lease)))));
        return taken == null ? Optional.empty() : Optional.of(new Claim(token, day));
    }

    /** The last sweep's summary, as {@link Claim#release} stored it. */
    Optional<Document> lastRun() {
        Document lock = locks.find(eq("_id", ID)).first();
        return Optional.ofNullable(lock == null ? null : lock.get("last", Document.class));
    }

    /** A held lock. Every write is conditioned on its token: a claim whose lease was taken over changes nothing. */
    final class Claim {

        private final String token;
        private final Optional<LocalDate> day;

        private Claim(String token, Optional<LocalDate> day) {
            this.token = token;
            this.day = day;
        }

        /** Extends the lease from now; false if the lock was lost (the lease lapsed and another server took it). */
        boolean renew(Instant now) {
            return locks.updateOne(and(eq("_id", ID), eq("token", token)), set("until", Date.from(now.plus(lease))))
                    .getMatchedCount() == 1;
        }

        /** Frees the lock, recording the day swept (a daily sweep) and the summary of this sweep. */
        void release(Document summary) {
            List<Bson> updates = new ArrayList<>(List.of(set("until", new Date(0)), set("token", ""),
                    set("last", summary)));
            day.ifPresent(d -> updates.add(set("day", d.toString())));
            locks.updateOne(and(eq("_id", ID), eq("token", token)), combine(updates));
        }
    }
}
