package org.carehotline.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded server's H2 backend, committing its file before it acknowledges a write command.
 * Without this, the MVStore commits about once a second on its own, so a write that the driver
 * saw acknowledged could be lost by a {@code kill -9} in that second.
 *
 * <p>Commits are grouped: a write that finds a commit under way waits for it to end, then
 * either finds itself covered by a later commit or commits everything written so far, its own
 * write and those of the others waiting with it. Under concurrent writes (several connections
 * are served on several threads) one file write then acknowledges many commands instead of one.
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

    CommittingH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    /** Databases with indexes that serve this server's queries (see {@link IndexedH2Database}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commitThrough(applied.incrementAndGet());
        }
        return response;
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
