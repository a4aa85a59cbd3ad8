package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: at a million contacts a report's scan failed with "Chunk N not found": the file's
 * chunks that its view of the collection still needed had been freed under it. Here a store
 * large enough to rewrite its chunks serves writes and long scans at once, then every document
 * is read back and compared: after an orderly restart, and after a {@code kill -9} of the store's
 * JVM in the middle of it all.
 *
 * <p>The store's retention time is cut from 45 s to 300 ms and its page cache to 1 MB: chunks
 * then age out during a test of seconds, and scans read from the file, as a 90 s scan of a
 * million contacts does with the real settings.
 */
class StorePagesUnderLoadTest {

    static final int DOCUMENTS = 6_000;
    static final int CACHE_MB = 1;
    static final int RETENTION_MS = 300;
    static final long RUN_MS = 6_000;

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
            long end = System.currentTimeMillis() + RUN_MS;
            int checks = 0;
            while (System.currentTimeMillis() < end) { // /health's file check meanwhile: never a false alarm
                assertEquals(Optional.empty(), mongo.fileProblem());
                checks++;
                Thread.sleep(50);
            }
            workload.stop();
            assertTrue(checks > 10, checks + " file checks");
            System.out.printf("loaded in %.1f s, then %.1f s of writing and scanning: %d scans, %d writes%n", (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9, workload.scans(), workload.writes());
            assertEquals(List.of(), workload.errors(), "errors while writing and scanning");
            assertTrue(workload.scans() >= 4 && workload.writes() > 300,
                    workload.scans() + " scans, " + workload.writes() + " writes");
            assertEquals(List.of(), workload.differences(workload.readAll()));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            StoreWorkload reopened = workload(client);
            assertEquals(List.of(), workload.differences(reopened.readAll()), "after the restart");
        }
    }

    @Test
    void everyAcknowledgedWriteReadsBackAfterKillMinusNineInTheMiddleOfWritesAndScans() throws Exception {
        Process child = startStoreProcess();
        StoreWorkload workload;
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address(child)))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(10, TimeUnit.SECONDS)).build())) {
            workload = workload(client);
            workload.load(DOCUMENTS);
            workload.start(3, 2);
            Thread.sleep(RUN_MS);
            List<Throwable> beforeKill = workload.errors();
            long written = workload.writes();
            child.destroyForcibly(); // SIGKILL: no close, no final commit, background rewriting cut short
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            workload.stop(); // each thread ends on its first failed call to the dead store
            assertEquals(List.of(), beforeKill, "errors while writing and scanning");
            assertTrue(workload.scans() >= 4 && written > 300, workload.scans() + " scans, " + written + " writes");
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            StoreWorkload restarted = workload(client);
            assertEquals(List.of(), workload.differences(restarted.readAll()), "after kill -9 and a restart");
        }
    }

    /** {@link StandaloneStore} on this test's folder with this test's settings, in a JVM of its own. */
    private Process startStoreProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StandaloneStore.class.getName(), dataDir.toString(), String.valueOf(CACHE_MB),
                String.valueOf(RETENTION_MS))).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to the line with its address (logs come first). */
    private static String address(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("@store ")) {
            // log lines before the address
        }
        if (line == null) {
            throw new IllegalStateException("the store process ended before it served");
        }
        // keep reading its output, or the child blocks once the pipe is full
        Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
        return line.substring("@store ".length()).strip();
    }

    /** The workload on the contacts and follow-ups of a database with the application's indexes. */
    static StoreWorkload workload(MongoClient client) {
        MongoDatabase database = client.getDatabase("pages");
        IndexSetup.ensure(database);
        return new StoreWorkload(database.getCollection(CollectionNames.CONTACTS),
                database.getCollection(CollectionNames.FOLLOWUPS));
    }
}
