package org.carehotline.store;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server with its H2 backend), listening
 * on a free loopback port, its data in one file under the data folder. The application talks
 * to it through the real MongoDB driver, exactly as it would to a real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final Path dataFile;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(Path dataFile, MongoServer server, InetSocketAddress address) {
        this.dataFile = dataFile;
        this.server = server;
        this.address = address;
    }

    static EmbeddedMongo start(Path dataDir, int cacheMb) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        Path dataFile = dataDir.resolve("hotline.mv").toAbsolutePath();
        MVStore mvStore = new MVStore.Builder().fileName(dataFile.toString()).cacheSize(cacheMb).open();
        MongoServer server = new MongoServer(new CommittingH2Backend(mvStore));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(dataFile, server, address);
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    Path dataFile() {
        return dataFile;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
