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
    /** Each case runs until this many whole-collection scans and writes are done (at most MAX_RUN_MS). */
    static final int SCANS = 10;
    static final int WRITES = 1500;
    static final long MAX_RUN_MS = 90_000;

    @TempDir
    Path dataDir;

    @Test
    void everyDocumentReadsBackAfterWritesAndScansAtOnceAndAfterARestart() throws Exception {
        long t0 = System.nanoTime();
        StoreWorkload workload = load();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            long t1 = System.nanoTime();
            workload = moved(workload, client);
            workload.start(3, 2);
            long end = System.currentTimeMillis() + MAX_RUN_MS;
            int checks = 0;
            while (!enough(workload, end)) { // /health's file check meanwhile: never a false alarm
                assertEquals(Optional.empty(), mongo.fileProblem());
                checks++;
                Thread.sleep(50);
            }
            workload.stop();
            assertTrue(checks > 10, checks + " file checks");
            System.out.printf("loaded and reopened in %.1f s, then %.1f s of writing and scanning: %d scans, %d writes%n", (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9, workload.scans(), workload.writes());
            assertEquals(List.of(), workload.errors(), "errors while writing and scanning");
            assertTrue(workload.scans() >= SCANS && workload.writes() >= WRITES,
                    workload.scans() + " scans, " + workload.writes() + " writes");
            assertEquals(List.of(), workload.differences(workload.readAll()));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertEquals(List.of(), workload.differences(moved(workload, client).readAll()), "after the restart");
        }
    }

    @Test
    void everyAcknowledgedWriteReadsBackAfterKillMinusNineInTheMiddleOfWritesAndScans() throws Exception {
        StoreWorkload workload = load();
        Process child = startStoreProcess();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(address(child)))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(10, TimeUnit.SECONDS)).build())) {
            workload = moved(workload, client);
            workload.start(3, 2);
            long end = System.currentTimeMillis() + MAX_RUN_MS;
            while (!enough(workload, end)) {
                Thread.sleep(50);
            }
            List<Throwable> beforeKill = workload.errors();
            long written = workload.writes();
            long scanned = workload.scans();
            child.destroyForcibly(); // SIGKILL: no close, no final commit, background rewriting cut short
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            workload.stop(); // each thread ends on its first failed call to the dead store
            assertEquals(List.of(), beforeKill, "errors while writing and scanning");
            assertTrue(scanned >= SCANS && written >= WRITES, scanned + " scans, " + written + " writes");
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, CACHE_MB, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertEquals(List.of(), workload.differences(moved(workload, client).readAll()),
                    "after kill -9 and a restart");
        }
    }

    /**
     * True once the workload did its scans and writes, failed, or ran out of time: counted
     * rather than timed, so that a slow machine runs longer instead of testing less.
     */
    private static boolean enough(StoreWorkload workload, long end) {
        return workload.scans() >= SCANS && workload.writes() >= WRITES || !workload.errors().isEmpty()
                || System.currentTimeMillis() > end;
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

    /**
     * The documents, written with a page cache of 64 MB (with 1 MB, loading took most of the
     * test), into the file that the test then opens with 1 MB.
     */
    private StoreWorkload load() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 64, RETENTION_MS);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase database = client.getDatabase("pages");
            IndexSetup.ensure(database);
            StoreWorkload workload = new StoreWorkload(database.getCollection(CollectionNames.CONTACTS),
                    database.getCollection(CollectionNames.FOLLOWUPS));
            workload.load(DOCUMENTS);
            return workload;
        }
    }

    /** The workload on the same collections through this client. */
    private static StoreWorkload moved(StoreWorkload workload, MongoClient client) {
        MongoDatabase database = client.getDatabase("pages");
        return workload.on(database.getCollection(CollectionNames.CONTACTS),
                database.getCollection(CollectionNames.FOLLOWUPS));
    }
}
