package org.carehotline.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.store.EmbeddedBackup;
import org.carehotline.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the embedded store: on request (the admin page) or once a day (the schedule),
 * each one read back in full before it counts, older ones pruned to the configured number,
 * each run in the audit log. A real MongoDB is backed up with its own tools: {@link #available()}
 * is false there and nothing here runs.
 *
 * <p>Files are named {@code hotline-<local date>-<local time>.zip}; whether today's scheduled
 * backup was made is read from those names, so a restart neither repeats nor skips a day.
 * Blocking throughout (a file copy): call from a virtual thread.
 */
public final class StoreBackups {

    private static final Logger log = LoggerFactory.getLogger(StoreBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'hotline-'yyyyMMdd-HHmmss'.zip'");
    public static final String TRIGGER_SCHEDULE = "schedule";
    public static final String TRIGGER_REQUEST = "request";

    private final MongoStore store;
    private final BackupPolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<BackupRun> last = new AtomicReference<>();

    public StoreBackups(MongoStore store, BackupPolicy policy, AuditLog audit, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public BackupPolicy policy() {
        return policy;
    }

    /** Whether this server can back up its store: only the embedded one. */
    public boolean available() {
        return store.embedded();
    }

    /** The last run of this process, if any (the files themselves are in {@link #list()}). */
    public Optional<BackupRun> lastRun() {
        return Optional.ofNullable(last.get());
    }

    /** The backups in the folder, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(policy.folder())) {
            return List.of();
        }
        List<BackupFile> files = new ArrayList<>();
        try (var paths = Files.list(policy.folder())) {
            for (Path path : paths.toList()) {
                madeAt(path).ifPresent(at -> files.add(new BackupFile(path, at, size(path))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backup folder " + policy.folder(), e);
        }
        files.sort(Comparator.comparing(BackupFile::madeAt).reversed());
        return files;
    }

    /**
     * Makes a backup now, unless one is under way in this process (then empty).
     *
     * @param trigger {@link #TRIGGER_REQUEST} or {@link #TRIGGER_SCHEDULE}
     */
    public Optional<BackupRun> runNow(String trigger, String userId, String login, String remote) {
        if (!available() || !running.tryLock()) {
            return Optional.empty();
        }
        try {
            BackupRun run = make(trigger, login);
            last.set(run);
            audit.record(new AuditEntry(run.at(), userId, login, run.succeeded() ? "backup.made" : "backup.failed",
                    run.file().map(BackupFile::name).orElse(""), detail(run), remote));
            return Optional.of(run);
        } finally {
            running.unlock();
        }
    }

    /** The day's scheduled backup, if the schedule is on, its hour has come and today's file is not there yet. */
    public Optional<BackupRun> runDailyIfDue() {
        ZonedDateTime now = clock.instant().atZone(policy.zone());
        if (!policy.enabled() || !available() || now.getHour() < policy.hour() || madeOn(now.toLocalDate())) {
            return Optional.empty();
        }
        return runNow(TRIGGER_SCHEDULE, "", "system", "");
    }

    private BackupRun make(String trigger, String login) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Path zip = policy.folder().resolve(NAME.format(at.atZone(policy.zone())));
        try {
            store.backupTo(zip);
            EmbeddedBackup.Contents contents = EmbeddedBackup.verify(zip);
            BackupFile file = new BackupFile(zip, at, size(zip));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!contents.readable()) {
                // renamed so that it neither counts as the day's backup nor pushes a good one out
                Path unreadable = zip.resolveSibling(zip.getFileName() + ".unreadable");
                moveQuietly(zip, unreadable);
                log.error("Backup {} does not read back: {}", zip, contents.problem().get());
                return new BackupRun(at, trigger, login, Optional.of(new BackupFile(unreadable, at, file.bytes())),
                        contents.maps(), contents.entries(), millis, contents.problem());
            }
            prune();
            log.info("Backup {}: {} bytes, {} maps, {} entries, {} ms", zip, file.bytes(), contents.maps(),
                    contents.entries(), millis);
            return new BackupRun(at, trigger, login, Optional.of(file), contents.maps(), contents.entries(), millis,
                    Optional.empty());
        } catch (RuntimeException e) {
            log.error("Backup to {} failed: {}", zip, e.getMessage(), e);
            return new BackupRun(at, trigger, login, Optional.empty(), 0, 0, (System.nanoTime() - started) / 1_000_000,
                    Optional.of(String.valueOf(e.getMessage())));
        }
    }

    /** Deletes the oldest backups beyond the number kept; only after a new one verified. */
    private void prune() {
        List<BackupFile> files = list();
        for (BackupFile old : files.subList(Math.min(policy.keep(), files.size()), files.size())) {
            try {
                Files.deleteIfExists(old.path());
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}: {}", old.path(), e.getMessage());
            }
        }
    }

    private boolean madeOn(LocalDate day) {
        return list().stream().anyMatch(f -> f.madeAt().atZone(policy.zone()).toLocalDate().equals(day));
    }

    private Optional<Instant> madeAt(Path path) {
        try {
            return Optional.of(LocalDateTime.parse(path.getFileName().toString(), NAME).atZone(policy.zone()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // not one of ours (a .partial file, a restore's leftovers)
        }
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("Could not rename {}: {}", from, e.getMessage());
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String detail(BackupRun run) {
        return "trigger=" + run.trigger() + " bytes=" + run.file().map(BackupFile::bytes).orElse(0L)
                + " maps=" + run.maps() + " entries=" + run.entries() + " ms=" + run.millis()
                + run.problem().map(p -> " problem=" + p).orElse("");
    }
}
