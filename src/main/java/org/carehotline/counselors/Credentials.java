package org.carehotline.counselors;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Password hashes and the sign-in lockout, kept on the account document so that a lockout
 * survives a restart. Every change is one atomic single-document update. Blocking.
 *
 * <p>Note: {@link CounselorRepository#save} replaces the whole document, so saving an account
 * (e.g. the demo accounts on every start with {@code --demo}) also clears its lockout.
 */
public final class Credentials {

    /** Failed attempts in a row that lock the account. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final MongoCollection<Document> counselors;

    public Credentials(MongoStore store) {
        this.counselors = store.database().getCollection(CollectionNames.COUNSELORS);
    }

    /** What sign-in needs to know about an account. */
    public record Stored(String login, String passwordHash, boolean active, Optional<Instant> lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil.map(now::isBefore).orElse(false);
        }
    }

    public Optional<Stored> find(String login) {
        Document d = counselors.find(eq("login", login)).first();
        if (d == null) {
            return Optional.empty();
        }
        Date locked = d.getDate("lockedUntil");
        return Optional.of(new Stored(login, d.getString("passwordHash"), d.getBoolean("active", true),
                Optional.ofNullable(locked).map(Date::toInstant)));
    }

    /**
     * Counts a failed attempt; the fifth in a row locks the account for {@link #LOCK_TIME}.
     *
     * @return the time the account is locked until, when this failure locked it
     */
    public Optional<Instant> recordFailure(String login, Instant now) {
        Document after = counselors.findOneAndUpdate(eq("login", login), inc("failedLogins", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null || after.getInteger("failedLogins", 0) < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant until = now.plus(LOCK_TIME);
        counselors.updateOne(eq("login", login), combine(set("lockedUntil", Date.from(until)), set("failedLogins", 0)));
        return Optional.of(until);
    }

    /** An administrator lifts a lockout before it runs out: the count starts again from zero. */
    public void unlock(String login) {
        counselors.updateOne(eq("login", login), combine(set("failedLogins", 0), unset("lockedUntil")));
    }

    /** A successful sign-in clears the failure count and any expired lock. */
    public void recordSuccess(String login, Instant now) {
        counselors.updateOne(eq("login", login), combine(set("failedLogins", 0), unset("lockedUntil"),
                set("lastSignInAt", Date.from(now))));
    }

    /** Stores a new hash (administration). */
    public void setPasswordHash(String login, String hash) {
        counselors.updateOne(eq("login", login), set("passwordHash", hash));
    }
}
