package org.carehotline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Online copies of the embedded store's data file, and their restore. A copy is H2's own
 * MVStore backup: while the file is copied the store writes only past its end (it stops
 * reusing freed space), so the copy holds every chunk of the version committed when it began,
 * and opens to that version. That is the mechanism behind H2's {@code BACKUP TO}; nothing of
 * the file format is reimplemented here.
 *
 * <p>A backup is a zip with one entry, the data file under its own name ({@value #DATA_FILE}).
 */
public final class EmbeddedBackup {

    /** The embedded store's data file in the data folder, and the zip entry of a backup. */
    public static final String DATA_FILE = "hotline.mv";

    private EmbeddedBackup() {
    }

    /**
     * What a backup holds, read back from it: the maps (collections and their indexes), their
     * entries, and the first problem met reading them, if any.
     */
    public record Contents(int maps, long entries, Optional<String> problem) {

        public boolean readable() {
            return problem.isEmpty();
        }
    }

    /** Writes the running store's file into {@code zip}, through a temporary file moved in place when whole. */
    static void write(MVStore store, Path zip) {
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            store.commit(); // whatever was acknowledged is in the version copied
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream out = new ZipOutputStream(file)) {
                store.getFileStore().backup(out);
            }
            Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write the backup " + zip, e);
        }
    }

    /**
     * Opens the data file held by {@code zip} (unpacked into a temporary folder beside it,
     * deleted afterwards) read-only, and reads every entry of every map: a backup that passes
     * restores to a store the server can read in full.
     */
    public static Contents verify(Path zip) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".verify-");
            Path file = unpack(zip, folder);
            MVStore copy = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            try {
                int maps = 0;
                long entries = 0;
                for (String name : copy.getMapNames()) {
                    MVMap<Object, Object> map = copy.openMap(name);
                    maps++;
                    for (var cursor = map.cursor(null); cursor.hasNext(); cursor.next()) {
                        cursor.getValue(); // reads and decodes the page holding it
                        entries++;
                    }
                }
                Optional<String> fileProblem = StoreFileCheck.problem(copy);
                return new Contents(maps, entries, fileProblem);
            } finally {
                copy.close();
            }
        } catch (IOException | RuntimeException e) {
            return new Contents(0, 0, Optional.of(String.valueOf(e.getMessage())));
        } finally {
            if (folder != null) {
                deleteTree(folder);
            }
        }
    }

    /**
     * Puts the data file of {@code zip} in {@code dataDir}, the server being stopped. The file
     * it replaces is kept beside it as {@code hotline.mv.before-restore-<millis>}; that name is
     * returned (empty when there was none). Refuses a backup that does not read back whole.
     */
    public static Optional<Path> restore(Path zip, Path dataDir) {
        Contents contents = verify(zip);
        if (!contents.readable()) {
            throw new IllegalArgumentException("the backup " + zip + " cannot be read: " + contents.problem().get());
        }
        try {
            Files.createDirectories(dataDir);
            Path target = dataDir.resolve(DATA_FILE);
            Path incoming = unpack(zip, Files.createTempDirectory(dataDir, ".restore-"));
            Optional<Path> aside = Optional.empty();
            if (Files.exists(target)) {
                refuseIfInUse(target);
                Path old = dataDir.resolve(DATA_FILE + ".before-restore-" + System.currentTimeMillis());
                Files.move(target, old);
                aside = Optional.of(old);
            }
            Files.move(incoming, target);
            deleteTree(incoming.getParent());
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + zip + " into " + dataDir, e);
        }
    }

    /** A running server holds a lock on its data file (H2's file lock): restoring under it would lose its writes. */
    private static void refuseIfInUse(Path dataFile) throws IOException {
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("the data file " + dataFile + " is in use: stop the server first");
            }
            lock.release();
        }
    }

    private static Path unpack(Path zip, Path folder) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(DATA_FILE)) {
                    Path out = folder.resolve(DATA_FILE);
                    Files.copy(in, out);
                    return out;
                }
            }
        }
        throw new IOException("no " + DATA_FILE + " in " + zip.getFileName() + " (not a Care Hotline backup)");
    }

    private static void deleteTree(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(EmbeddedBackup::deleteQuietly);
        } catch (IOException e) {
            // a temporary folder left behind costs disk, not data
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // as above
        }
    }
}
