package org.carehotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.carehotline.config.HotlineConfig.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's indexes through the real driver: every query finds exactly what a scan
 * finds (an unindexed twin collection with the same documents is the reference), through
 * inserts, updates that move indexed values, deletes, and a restart.
 */
class IndexedStoreTest {

    private static final String[] CASES = {"c1", "c2", "c3", "c4"};
    private static final String[] COUNSELORS = {"wang", "li", "zhao"};

    @TempDir
    Path dataDir;

    private final Random random = new Random(7);

    @Test
    void indexedQueriesFindWhatAScanFinds() {
        StoreConfig config = new StoreConfig("", "indexes", 3000, dataDir);
        try (MongoStore store = MongoStore.open(config)) {
            MongoCollection<Document> indexed = store.database().getCollection("indexed");
            MongoCollection<Document> plain = store.database().getCollection("plain");
            for (int i = 0; i < 150; i++) {
                insertBoth(indexed, plain, i);
            }
            // created on a collection that already has documents: filled from them
            indexed.createIndex(Indexes.ascending("caseId", "startedAt"));
            indexed.createIndex(Indexes.ascending("categories"));
            indexed.createIndex(Indexes.ascending("offers.counselorId"));
            indexed.createIndex(Indexes.ascending("level"));
            for (int i = 150; i < 300; i++) {
                insertBoth(indexed, plain, i);
            }
            assertSameResults(indexed, plain, "after inserts");

            for (int i = 0; i < 300; i += 3) {
                Bson change = switch (i % 4) {
                    case 0 -> Updates.set("caseId", CASES[random.nextInt(CASES.length)]);
                    case 1 -> Updates.unset("caseId");
                    case 2 -> Updates.push("offers", new Document("counselorId", COUNSELORS[i % 3]));
                    default -> Updates.addToSet("categories", "HARDSHIP");
                };
                indexed.updateOne(and(eq("_id", i), exists("answeredAt", false)), change);
                plain.updateOne(and(eq("_id", i), exists("answeredAt", false)), change);
            }
            indexed.deleteMany(and(eq("caseId", "c2"), eq("level", 1)));
            plain.deleteMany(and(eq("caseId", "c2"), eq("level", 1)));
            assertSameResults(indexed, plain, "after updates and deletes");
        }
        try (MongoStore reopened = MongoStore.open(config)) {
            assertSameResults(reopened.database().getCollection("indexed"),
                    reopened.database().getCollection("plain"), "after a restart");
        }
    }

    private void insertBoth(MongoCollection<Document> indexed, MongoCollection<Document> plain, int i) {
        Document d = new Document("_id", i).append("startedAt", new Date(1_000_000L * i));
        if (i % 5 != 0) {
            d.append("caseId", CASES[random.nextInt(CASES.length)]);
        }
        List<String> categories = new ArrayList<>();
        if (random.nextBoolean()) {
            categories.add("LEGAL");
        }
        if (random.nextBoolean()) {
            categories.add("CRISIS");
        }
        d.append("categories", categories);
        d.append("offers", List.of(new Document("counselorId", COUNSELORS[random.nextInt(3)])));
        // the same level in three number types: all equal to a query
        d.append("level", switch (i % 3) { case 0 -> 1; case 1 -> 1L; default -> 2.0; });
        if (i % 7 == 0) {
            d.append("answeredAt", new Date());
        }
        indexed.insertOne(d);
        plain.insertOne(new Document(d));
    }

    private static void assertSameResults(MongoCollection<Document> indexed, MongoCollection<Document> plain,
                                          String when) {
        List<Bson> queries = List.of(
                eq("caseId", "c1"),
                and(eq("caseId", "c3"), gte("startedAt", new Date(100_000_000L))),
                and(eq("caseId", "c2"), ne("level", 2)),
                in("caseId", List.of("c1", "c4")),
                eq("categories", "LEGAL"),
                eq("categories", "HARDSHIP"),
                eq("offers.counselorId", "li"),
                eq("level", 1),
                eq("level", 2),
                and(eq("_id", 42), exists("answeredAt", false)),
                and(eq("_id", 42), exists("answeredAt", true)),
                and(eq("_id", 49), eq("caseId", "c9")),
                eq("caseId", null));
        for (Bson q : queries) {
            Set<Object> expected = ids(plain, q);
            assertEquals(expected, ids(indexed, q), when + ": " + q);
        }
        assertFalse(ids(plain, eq("caseId", "c1")).isEmpty(), "the reference finds something to compare");
    }

    private static Set<Object> ids(MongoCollection<Document> c, Bson filter) {
        Set<Object> ids = new TreeSet<>();
        c.find(filter).forEach(d -> ids.add(d.getInteger("_id")));
        return ids;
    }
}
