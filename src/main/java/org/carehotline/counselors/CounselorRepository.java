package org.carehotline.counselors;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.cases.Category;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Accounts in MongoDB. Blocking. */
public final class CounselorRepository {

    private final MongoCollection<Document> counselors;

    public CounselorRepository(MongoStore store) {
        this.counselors = store.database().getCollection(CollectionNames.COUNSELORS);
    }

    public boolean exists(String login) {
        return counselors.countDocuments(eq("login", login)) > 0;
    }

    /** Creates or replaces the account with this login, keeping its id. */
    public Counselor save(Counselor counselor, String passwordHash) {
        Document existing = counselors.find(eq("login", counselor.login())).first();
        ObjectId id = existing != null ? existing.getObjectId("_id") : new ObjectId();
        Document skills = new Document();
        counselor.skills().forEach((category, level) -> skills.append(category.name(), level));
        Document doc = new Document("_id", id)
                .append("login", counselor.login())
                .append("displayName", counselor.displayName())
                .append("roles", counselor.roles().stream().map(Role::name).toList())
                .append("endpoint", counselor.endpoint())
                .append("skills", skills)
                .append("dialects", counselor.dialects())
                .append("active", counselor.active())
                .append("passwordHash", passwordHash);
        counselors.replaceOne(eq("_id", id), doc, new ReplaceOptions().upsert(true));
        return toCounselor(doc);
    }

    public List<Counselor> findAll() {
        return counselors.find().map(CounselorRepository::toCounselor).into(new ArrayList<>());
    }

    public Optional<Counselor> findByLogin(String login) {
        return Optional.ofNullable(counselors.find(eq("login", login)).first()).map(CounselorRepository::toCounselor);
    }

    static Counselor toCounselor(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        d.getList("roles", String.class, List.of()).forEach(r -> roles.add(Role.valueOf(r)));
        Map<Category, Integer> skills = new EnumMap<>(Category.class);
        Document stored = d.get("skills", new Document());
        stored.forEach((k, v) -> skills.put(Category.valueOf(k), ((Number) v).intValue()));
        return new Counselor(d.getObjectId("_id").toHexString(), d.getString("login"), d.getString("displayName"),
                Set.copyOf(roles), d.getString("endpoint") == null ? "" : d.getString("endpoint"), Map.copyOf(skills),
                List.copyOf(d.getList("dialects", String.class, List.of())), d.getBoolean("active", true));
    }
}
