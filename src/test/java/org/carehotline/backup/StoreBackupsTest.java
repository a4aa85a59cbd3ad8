package org.carehotline.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.config.HotlineConfig.StoreConfig;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.EmbeddedBackup;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedule and the folder: the day's backup comes at its hour and once a day (read from the
 * files, so a restart does not repeat it), each one verified and audited, the oldest pruned to
 * the number kept; a real MongoDB gets none; the restore command puts a backup back.
 */
class StoreBackupsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private MongoStore embedded() {
        return MongoStore.open(new StoreConfig("", "carehotline", 5000, dir.resolve("data"), 32));
    }

    private BackupPolicy policy(int keep) {
        return new BackupPolicy(true, 2, SHANGHAI, dir.resolve("backups"), keep);
    }

    @Test
    void theDailyBackupComesAtItsHourOnceADayAndTheOldestArePruned() {
        // 01:30 in Shanghai: before the backup hour (2)
        MutableClock clock = MutableClock.at("2026-12-04T17:30:00Z");
        try (MongoStore store = embedded()) {
            store.database().getCollection(CollectionNames.CASES).insertOne(new Document("number", "C-1"));
            AuditLog audit = new AuditLog(store);
            StoreBackups backups = new StoreBackups(store, policy(2), audit, clock);

            assertTrue(backups.runDailyIfDue().isEmpty(), "not before 02:00");
            clock.advance(Duration.ofMinutes(31));
            BackupRun first = backups.runDailyIfDue().orElseThrow();
            assertTrue(first.succeeded(), first.problem().orElse(""));
            assertEquals(StoreBackups.TRIGGER_SCHEDULE, first.trigger());
            assertEquals("hotline-20261205-020100.zip", first.file().orElseThrow().name(), "named in local time");
            assertTrue(first.entries() > 0);

            clock.advance(Duration.ofHours(3));
            assertTrue(backups.runDailyIfDue().isEmpty(), "once a day");
            StoreBackups afterRestart = new StoreBackups(store, policy(2), audit, clock);
            assertTrue(afterRestart.runDailyIfDue().isEmpty(), "a restart reads the day's file, no second backup");

            clock.advance(Duration.ofDays(1));
            assertTrue(afterRestart.runDailyIfDue().isPresent(), "the next day");
            clock.advance(Duration.ofMinutes(5));
            assertTrue(afterRestart.runNow(StoreBackups.TRIGGER_REQUEST, "u1", "admin", "127.0.0.1").isPresent());

            List<BackupFile> files = afterRestart.list();
            assertEquals(List.of("hotline-20261206-050600.zip", "hotline-20261206-050100.zip"),
                    files.stream().map(BackupFile::name).toList(), "the newest two, newest first");
            List<AuditEntry> entries = audit.recent(0, 10).stream()
                    .filter(e -> e.action().startsWith("backup.")).toList();
            assertEquals(3, entries.size(), "every backup audited: " + entries);
            assertEquals("admin", entries.get(0).login());
            assertTrue(entries.get(0).detail().contains("trigger=request"), entries.get(0).detail());
            assertTrue(entries.stream().allMatch(e -> e.action().equals("backup.made")));
        }
    }

    @Test
    void theScheduleOffMakesNoDailyBackupButOneOnRequest() {
        MutableClock clock = MutableClock.at("2026-12-05T04:00:00Z");
        try (MongoStore store = embedded()) {
            StoreBackups backups = new StoreBackups(store,
                    new BackupPolicy(false, 2, SHANGHAI, dir.resolve("backups"), 3), new AuditLog(store), clock);
            assertTrue(backups.runDailyIfDue().isEmpty());
            assertTrue(backups.list().isEmpty());
            assertTrue(backups.runNow(StoreBackups.TRIGGER_REQUEST, "u1", "admin", "").orElseThrow().succeeded());
            assertEquals(1, backups.list().size());
        }
    }

    @Test
    void aRealMongoDbIsLeftToItsOwnTools() {
        MutableClock clock = MutableClock.at("2026-12-05T04:00:00Z");
        // a MongoDB URI (nobody listens there: this store is never asked anything)
        try (MongoStore store = MongoStore.open(new StoreConfig("mongodb://127.0.0.1:9", "carehotline", 200,
                dir.resolve("data"), 32))) {
            StoreBackups backups = new StoreBackups(store, policy(3), new AuditLog(store), clock);
            assertFalse(backups.available());
            assertTrue(backups.runDailyIfDue().isEmpty());
            assertTrue(backups.runNow(StoreBackups.TRIGGER_REQUEST, "u1", "admin", "").isEmpty());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> store.backupTo(dir.resolve("x.zip")));
            assertTrue(refused.getMessage().contains("mongodump"), refused.getMessage());
        }
    }

    @Test
    void theRestoreCommandPutsABackupBackAndExplainsWhatItRefuses() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-05T04:00:00Z");
        Path zip;
        try (MongoStore store = embedded()) {
            store.database().getCollection(CollectionNames.CASES).insertOne(new Document("number", "C-kept"));
            zip = new StoreBackups(store, policy(3), new AuditLog(store), clock)
                    .runNow(StoreBackups.TRIGGER_REQUEST, "u1", "admin", "").orElseThrow().file().orElseThrow().path();
            store.database().getCollection(CollectionNames.CASES).insertOne(new Document("number", "C-after"));
        }
        Path data = dir.resolve("data");
        assertEquals(2, RestoreCommand.run(List.of(), Map.of()), "no file named");
        assertEquals(2, RestoreCommand.run(List.of(dir.resolve("missing.zip").toString(), "--data.dir=" + data),
                Map.of()));
        assertEquals(2, RestoreCommand.run(List.of(zip.toString(), "--data.dir=" + data,
                "--mongo.uri=mongodb://127.0.0.1:9"), Map.of()), "a MongoDB is restored with mongorestore");
        assertEquals(0, RestoreCommand.run(List.of(zip.toString(), "--data.dir=" + data), Map.of()));
        try (MongoStore store = embedded()) {
            assertEquals(List.of("C-kept"), store.database().getCollection(CollectionNames.CASES).find()
                    .map(d -> d.getString("number")).into(new java.util.ArrayList<>()));
        }
        try (var kept = Files.list(data)) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().startsWith(EmbeddedBackup.DATA_FILE
                    + ".before-restore-")), "the replaced file stays beside it");
        }
    }
}
