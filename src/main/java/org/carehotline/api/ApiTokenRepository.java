package org.carehotline.api;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** API tokens in MongoDB: name, scopes, the secret's hash (never the secret), use and revocation. Blocking. */
final class ApiTokenRepository {

    private final MongoCollection<Document> tokens;

    ApiTokenRepository(MongoStore store) {
        this.tokens = store.database().getCollection(CollectionNames.API_TOKENS);
    }

    ApiToken insert(String name, Set<Scope> scopes, String hash, String createdBy, Instant at) {
        ObjectId id = new ObjectId();
        tokens.insertOne(new Document("_id", id).append("name", name)
                .append("scopes", scopes.stream().map(Scope::code).sorted().toList()).append("hash", hash)
                .append("createdAt", Date.from(at)).append("createdBy", createdBy));
        return new ApiToken(id.toHexString(), name, Set.copyOf(scopes), at, createdBy, Optional.empty(),
                Optional.empty());
    }

    /** The token whose secret has this hash, revoked or not. */
    Optional<ApiToken> findByHash(String hash) {
        return Optional.ofNullable(tokens.find(eq("hash", hash)).first()).map(ApiTokenRepository::toToken);
    }

    /** Every token, newest first. */
    List<ApiToken> all() {
        return tokens.find().sort(Sorts.descending("createdAt")).map(ApiTokenRepository::toToken)
                .into(new ArrayList<>());
    }

    /** Revokes the token; false when there is no such token or it was revoked already. */
    boolean revoke(String id, Instant at) {
        if (!ObjectId.isValid(id)) {
            return false;
        }
        return tokens.updateOne(and(eq("_id", new ObjectId(id)), eq("revokedAt", null)),
                set("revokedAt", Date.from(at))).getModifiedCount() == 1;
    }

    void touch(String id, Instant at) {
        tokens.updateOne(eq("_id", new ObjectId(id)), set("lastUsedAt", Date.from(at)));
    }

    private static ApiToken toToken(Document d) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        d.getList("scopes", String.class, List.of()).forEach(code -> Scope.ofCode(code).ifPresent(scopes::add));
        return new ApiToken(d.getObjectId("_id").toHexString(), d.getString("name"), Set.copyOf(scopes),
                d.getDate("createdAt").toInstant(), d.getString("createdBy"),
                Optional.ofNullable(d.getDate("lastUsedAt")).map(Date::toInstant),
                Optional.ofNullable(d.getDate("revokedAt")).map(Date::toInstant));
    }
}
