package org.carehotline.store;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server with its H2 backend), listening
 * on a free loopback port, its data in one file under the data folder. The application talks
 * to it through the real MongoDB driver, exactly as it would to a real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final Path dataFile;
    private final CommittingH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(Path dataFile, CommittingH2Backend backend, MongoServer server, InetSocketAddress address) {
        this.dataFile = dataFile;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** H2's own default: a chunk of the file that falls out of use is kept at least this long. */
    static final int DEFAULT_RETENTION_MS = 45_000;

    static EmbeddedMongo start(Path dataDir, int cacheMb) {
        return start(dataDir, cacheMb, DEFAULT_RETENTION_MS);
    }

    /**
     * As {@link #start(Path, int)} with another retention time: tests shorten it so that chunks
     * age out in seconds instead of 45 s, the same rule on a shorter clock.
     */
    static EmbeddedMongo start(Path dataDir, int cacheMb, int retentionMs) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        Path dataFile = dataDir.resolve(EmbeddedBackup.DATA_FILE).toAbsolutePath();
        MVStore mvStore = new MVStore.Builder().fileName(dataFile.toString()).cacheSize(cacheMb).open();
        mvStore.setRetentionTime(retentionMs);
        CommittingH2Backend backend = new CommittingH2Backend(mvStore);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(dataFile, backend, server, address);
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    Path dataFile() {
        return dataFile;
    }

    /**
     * What is wrong with the data file, or empty: a command that could not use it (ever, see
     * {@link CommittingH2Backend#fileError()}), or a map whose newest tree it no longer holds.
     */
    Optional<String> fileProblem() {
        Optional<String> failed = backend.fileError().map(e -> "a command could not read it: " + e);
        return failed.isPresent() ? failed : StoreFileCheck.problem(backend.getMvStore());
    }

    /** Writes an online copy of the data file into {@code zip} (see {@link EmbeddedBackup}). Blocking. */
    void backupTo(Path zip) {
        EmbeddedBackup.write(backend.getMvStore(), zip);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
