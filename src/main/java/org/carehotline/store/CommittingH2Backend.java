package org.carehotline.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The embedded server's H2 backend, committing its file before it acknowledges a write command.
 * Without this, the MVStore commits about once a second on its own, so a write that the driver
 * saw acknowledged could be lost by a {@code kill -9} in that second.
 *
 * <p>Commits are grouped: a write that finds a commit under way waits for it to end, then
 * either finds itself covered by a later commit or commits everything written so far, its own
 * write and those of the others waiting with it. Under concurrent writes (several connections
 * are served on several threads) one file write then acknowledges many commands instead of one.
 *
 * <p>Every command, and every opening of a database, also holds the MVStore version it started
 * at for as long as it runs ({@link MVStore#registerVersionUsage()}), as H2's own transactions
 * do. A command reads the maps as they were when it reached them: a scan of a large collection
 * walks that old tree page by page while others write and the store's background thread
 * rewrites half-empty chunks. Unregistered, a chunk that those writes or that rewriting left
 * unused was freed once it was older than the retention time (45 s) and five versions old,
 * though the scan still had to read pages from it: "Chunk N not found" (issue #17). Registered,
 * no chunk that fell out of use after the command began is freed before it ends.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
            "create", "drop", "dropdatabase", "renamecollection");

    /** Write commands applied so far, numbered in the order they finished. */
    private final AtomicLong applied = new AtomicLong();
    private final Object commitLock = new Object();
    /** Every write numbered up to this one is in the file (guarded by commitLock). */
    private long durable;
    /** The first time a command could not read or write the file, or null. */
    private final AtomicReference<String> fileError = new AtomicReference<>();

    CommittingH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    /** Databases with indexes that serve this server's queries (see {@link IndexedH2Database}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // opening may fill a new index from every document of a collection
        return whileHoldingVersion(() -> new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry()));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response;
        try {
            response = whileHoldingVersion(() -> super.handleCommand(channel, databaseName, command, query));
        } catch (RuntimeException e) {
            noteFileError(e);
            throw e;
        }
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commitThrough(applied.incrementAndGet());
        }
        return response;
    }

    /**
     * Why a command could not use the data file, if one ever could not (the first such error,
     * with its time). It stays: a page of the file that cannot be read is data lost, not a
     * passing fault, and a later command that happens not to need that page proves nothing.
     */
    Optional<String> fileError() {
        return Optional.ofNullable(fileError.get());
    }

    private void noteFileError(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MVStoreException) {
                fileError.compareAndSet(null, Instant.now() + ": " + cause.getMessage());
                return;
            }
        }
    }

    /** The legacy query path (the driver's first handshake): as {@link #handleCommand}. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whileHoldingVersion(() -> super.handleQuery(query));
    }

    /** Runs the work with the store's current version registered as in use (see the class comment). */
    private <T> T whileHoldingVersion(Supplier<T> work) {
        MVStore store = getMvStore();
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return work.get();
        } finally {
            store.deregisterVersionUsage(inUse);
        }
    }

    private void commitThrough(long write) {
        synchronized (commitLock) {
            if (durable >= write) {
                return; // a commit that began after this write finished has stored it
            }
            long upTo = applied.get(); // read before the commit: all these writes are in the store
            commit();
            durable = upTo;
        }
    }
}
