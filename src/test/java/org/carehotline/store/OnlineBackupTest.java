package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.bson.Document;
import org.carehotline.config.HotlineConfig.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's online backup, through the real driver: a copy made while another thread
 * keeps writing restores to a store that holds exactly what the collections held before it
 * began plus whole documents written during it (never a torn one), every page readable; a
 * restore refuses a running server's file and a damaged backup, and keeps the file it replaces.
 */
class OnlineBackupTest {

    @TempDir
    Path dir;

    private static StoreConfig embedded(Path dataDir) {
        return new StoreConfig("", "carehotline", 5000, dataDir, 64);
    }

    /** Cases with long Chinese notes: enough data for many pages and several chunks. */
    private static void fill(MongoStore store, int cases) {
        MongoCollection<Document> collection = store.database().getCollection(CollectionNames.CASES);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            batch.add(new Document("number", "C-" + i).append("phone", "1380000" + String.format("%04d", i))
                    .append("note", "司机在服务区休息时来电，讨论工伤赔偿与家庭困难。".repeat(1 + i % 7)).append("i", i));
            if (batch.size() == 500) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static List<Document> all(MongoStore store, String collection) {
        List<Document> docs = store.database().getCollection(collection).find().into(new ArrayList<>());
        docs.sort((a, b) -> a.getObjectId("_id").compareTo(b.getObjectId("_id")));
        return docs;
    }

    @Test
    void aCopyMadeUnderWritesRestoresToTheSameDataAndWholeDocuments() throws Exception {
        Path zip = dir.resolve("backups/first.zip");
        List<Document> casesBefore;
        Set<Integer> acknowledgedBefore;
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        try (MongoStore store = MongoStore.open(embedded(dir.resolve("live")))) {
            fill(store, 6_000);
            casesBefore = all(store, CollectionNames.CASES);
            MongoCollection<Document> contacts = store.database().getCollection(CollectionNames.CONTACTS);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    contacts.insertOne(new Document("seq", i).append("text", "来电记录 " + i + " ".repeat(i % 300)));
                    acknowledged.add(i);
                }
            });
            while (acknowledged.size() < 200) {
                Thread.sleep(5);
            }
            acknowledgedBefore = Set.copyOf(acknowledged);
            store.backupTo(zip);
            Thread.sleep(100); // writes go on after the copy, and must not be in it
            writing.set(false);
            writer.join();
        }

        EmbeddedBackup.Contents contents = EmbeddedBackup.verify(zip);
        assertTrue(contents.readable(), contents.problem().orElse(""));
        assertTrue(contents.entries() >= casesBefore.size(), "every case's entry was read: " + contents.entries());

        Path restored = dir.resolve("restored");
        assertTrue(EmbeddedBackup.restore(zip, restored).isEmpty(), "no file was there to keep");
        try (MongoStore copy = MongoStore.open(embedded(restored))) {
            assertEquals(java.util.Optional.empty(), copy.problem());
            assertEquals(casesBefore, all(copy, CollectionNames.CASES), "the cases, field for field");
            Set<Integer> copied = all(copy, CollectionNames.CONTACTS).stream().map(d -> {
                assertEquals("来电记录 " + d.getInteger("seq") + " ".repeat(d.getInteger("seq") % 300),
                        d.getString("text"), "a whole document");
                return d.getInteger("seq");
            }).collect(Collectors.toSet());
            assertTrue(copied.containsAll(acknowledgedBefore), "everything acknowledged before the backup");
            assertTrue(acknowledged.containsAll(copied), "nothing that was never written");
            assertTrue(copied.size() < acknowledged.size(), "and not what was written after it: " + copied.size()
                    + " of " + acknowledged.size());
            // the copy is a working store: it takes writes and keeps its unique indexes
            copy.database().getCollection(CollectionNames.CASES).insertOne(new Document("number", "C-new"));
            assertEquals(casesBefore.size() + 1, copy.database().getCollection(CollectionNames.CASES).countDocuments());
        }
    }

    @Test
    void aRestoreKeepsTheFileItReplacesAndRefusesARunningServersFile() throws Exception {
        Path data = dir.resolve("data");
        Path zip = dir.resolve("one.zip");
        try (MongoStore store = MongoStore.open(embedded(data))) {
            fill(store, 10);
            store.backupTo(zip);
            store.database().getCollection(CollectionNames.CASES).insertOne(new Document("number", "after"));
            IllegalStateException inUse = assertThrows(IllegalStateException.class,
                    () -> EmbeddedBackup.restore(zip, data));
            assertTrue(inUse.getMessage().contains("stop the server"), inUse.getMessage());
            assertEquals(11, store.database().getCollection(CollectionNames.CASES).countDocuments(),
                    "the running store is untouched");
        }
        Path aside = EmbeddedBackup.restore(zip, data).orElseThrow();
        assertTrue(Files.size(aside) > 0, "the replaced file is kept: " + aside);
        try (MongoStore restored = MongoStore.open(embedded(data))) {
            assertEquals(10, restored.database().getCollection(CollectionNames.CASES).countDocuments(),
                    "back to the backup's ten cases");
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndTheDataFileStays() throws Exception {
        Path data = dir.resolve("data");
        Path zip = dir.resolve("good.zip");
        try (MongoStore store = MongoStore.open(embedded(data))) {
            fill(store, 2_000);
            store.backupTo(zip);
        }
        // the zip cut to half its length: its entry ends early
        byte[] bytes = Files.readAllBytes(zip);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertFalse(EmbeddedBackup.verify(cut).readable());
        Path notOurs = dir.resolve("other.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(notOurs))) {
            out.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            out.write("hello".getBytes());
        }
        assertTrue(EmbeddedBackup.verify(notOurs).problem().orElseThrow().contains("not a Care Hotline backup"));

        long before = Files.size(data.resolve(EmbeddedBackup.DATA_FILE));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBackup.restore(cut, data));
        assertTrue(refused.getMessage().contains("cannot be read"), refused.getMessage());
        assertEquals(before, Files.size(data.resolve(EmbeddedBackup.DATA_FILE)), "the data file is as it was");
        try (MongoStore store = MongoStore.open(embedded(data))) {
            assertEquals(2_000, store.database().getCollection(CollectionNames.CASES).countDocuments());
        }
    }
}
