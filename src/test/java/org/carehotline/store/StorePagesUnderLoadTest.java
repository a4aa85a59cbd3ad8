package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: at a million contacts a report's scan failed with "Chunk N not found": the file's
 * chunks that its view of the collection still needed had been freed under it. Here a store
 * large enough to rewrite its chunks serves writes and long scans at once, then every document
 * is read back and compared, before and after a restart.
 *
 * <p>The store's retention time is cut from 45 s to 300 ms and its page cache to 1 MB: chunks
 * then age out during a test of seconds, and scans read from the file, as a 90 s scan of a
 * million contacts does with the real settings.
 */
class StorePagesUnderLoadTest {

    static final int DOCUMENTS = 6_000;
    static final int CACHE_MB = 1;
    static final int RETENTION_MS = 300;
    static final long RUN_MS = 8_000;

    @TempDir
    Path dataDir;

    @Test
    void everyDocumentReadsBackAfterWritesAndScansAtOnceAndAfterARestart() throws Exception {
        StoreWorkload workload;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            workload = workload(client);
            long t0 = System.nanoTime();
            workload.load(DOCUMENTS);
            long t1 = System.nanoTime();
            workload.start(3, 2);
            Thread.sleep(RUN_MS);
            workload.stop();
            System.out.printf("loaded in %.1f s, then %.1f s of writing and scanning: %d scans, %d writes%n", (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9, workload.scans(), workload.writes());
            assertEquals(List.of(), workload.errors(), "errors while writing and scanning");
            assertTrue(workload.scans() >= 4 && workload.writes() > 1000,
                    workload.scans() + " scans, " + workload.writes() + " writes");
            assertEquals(List.of(), workload.differences(workload.readAll()));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            StoreWorkload reopened = workload(client);
            assertEquals(List.of(), workload.differences(reopened.readAll()), "after the restart");
        }
    }

    /** The workload on the contacts and follow-ups of a database with the application's indexes. */
    static StoreWorkload workload(MongoClient client) {
        MongoDatabase database = client.getDatabase("pages");
        IndexSetup.ensure(database);
        return new StoreWorkload(database.getCollection(CollectionNames.CONTACTS),
                database.getCollection(CollectionNames.FOLLOWUPS));
    }
}
