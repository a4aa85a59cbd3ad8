package org.carehotline.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.carehotline.config.HotlineConfig.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a MongoDB client on the configured URI, or on the embedded server when no URI
 * is set. Both go through the same driver and the same code. All calls block: use them from
 * virtual threads, never from a Vert.x event loop.
 */
public final class MongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    private final MongoClient client;
    private final MongoDatabase database;
    private final Optional<EmbeddedMongo> embedded;
    private final String description;

    private MongoStore(MongoClient client, MongoDatabase database, Optional<EmbeddedMongo> embedded,
                       String description) {
        this.client = client;
        this.database = database;
        this.embedded = embedded;
        this.description = description;
    }

    /** Opens the store described by the config, starting the embedded server if needed, and ensures indexes. */
    public static MongoStore open(StoreConfig config) {
        return open(config, List.of());
    }

    /**
     * As {@link #open(StoreConfig)}, with listeners told of every command the driver sends (the
     * metrics' store latency and errors).
     */
    public static MongoStore open(StoreConfig config, List<CommandListener> listeners) {
        Optional<EmbeddedMongo> embedded = config.embedded()
                ? Optional.of(EmbeddedMongo.start(config.dataDir(), config.cacheMb()))
                : Optional.empty();
        String uri = embedded.map(EmbeddedMongo::connectionString).orElse(config.mongoUri());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(config.timeoutMs(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b
                        .connectTimeout(config.timeoutMs(), TimeUnit.MILLISECONDS)
                        .readTimeout(config.timeoutMs() * 4L, TimeUnit.MILLISECONDS))
                .commandListenerList(listeners)
                .build();
        MongoClient client = MongoClients.create(settings);
        String description = embedded
                .map(e -> "embedded MongoDB-compatible server, data in " + e.dataFile())
                .orElse("MongoDB at " + redact(config.mongoUri()));
        MongoStore store = new MongoStore(client, client.getDatabase(config.database()), embedded, description);
        try {
            IndexSetup.ensure(store.database);
        } catch (RuntimeException e) {
            // A real MongoDB may be down at startup: the server still starts and /health says so.
            log.warn("Could not create indexes yet ({}); they are retried at next start", e.getMessage());
        }
        log.info("Store: {} (database '{}')", description, config.database());
        return store;
    }

    public MongoDatabase database() {
        return database;
    }

    /** What this store is, for logs and /health (credentials removed). */
    public String description() {
        return description;
    }

    /**
     * False for the embedded server: it sorts a query's whole result in memory (its indexes serve
     * only equality on unique fields), so reading the first few of a large result sorted costs a
     * sort of all of it. Callers that need only a few read them unsorted there.
     */
    public boolean sortsFromIndexes() {
        return embedded.isEmpty();
    }

    /** True when this is the embedded server, whose file this process can back up ({@link #backupTo}). */
    public boolean embedded() {
        return embedded.isPresent();
    }

    /**
     * Writes an online copy of the embedded store into {@code zip} while the server keeps
     * serving (see {@link EmbeddedBackup}). A real MongoDB is backed up with its own tools
     * (mongodump, or its snapshots): this throws for it. Blocking, for as long as the file takes
     * to copy.
     */
    public void backupTo(java.nio.file.Path zip) {
        embedded.orElseThrow(() -> new IllegalStateException(
                "a MongoDB server is backed up with its own tools (mongodump), not by Care Hotline")).backupTo(zip);
    }

    /** Asks the server for a ping; true when it answered. Blocks up to the configured timeout. */
    public boolean ping() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * What keeps the store from serving its data, or empty when nothing does: it must answer a
     * ping and return the first document of every collection; the embedded store must also
     * read from its file the newest tree of every map and must never have failed to read it (a
     * ping reads nothing from the file, and first documents come from the page cache). Blocking:
     * one round trip per collection, each up to the timeout.
     */
    public Optional<String> problem() {
        Optional<String> file = embedded.flatMap(EmbeddedMongo::fileProblem);
        if (file.isPresent()) {
            return Optional.of("the data file: " + file.get());
        }
        try {
            database.runCommand(new Document("ping", 1));
            for (String name : database.listCollectionNames()) {
                database.getCollection(name).find().limit(1).first();
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedMongo::close);
    }
}
