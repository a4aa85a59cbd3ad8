package org.carehotline.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's database with indexes that work like MongoDB's for the queries this
 * server makes: unique indexes that serve a query naming more fields than their own
 * ({@link UniqueKeyIndex}), and non-unique indexes, which the library does not have
 * ({@link EqualityIndex}). Without them every conditional update by id and every lookup by
 * case or caller read the whole collection; under a full queue that was most of the server's
 * CPU. Map names follow the library's, so data files move between versions.
 */
final class IndexedH2Database extends H2Database {

    private static final String ID_FIELD = "_id";

    private final MVStore store;

    IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        // the superclass opened nothing (see below): open collections and indexes now that
        // this class's fields are set
        super.initializeNamespacesAndIndexes();
    }

    /**
     * Skipped while the superclass constructor runs: it would open indexes through this class
     * before {@link #store} is set. The constructor above calls it again afterwards.
     */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(mapName(collectionName, indexName));
        return new UniqueKeyIndex(map, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        MVMap<String, Object> map = store.openMap(mapName(collectionName, indexName));
        return new EqualityIndex(map, indexName, keys, sparse, ID_FIELD);
    }

    /** As H2Database names index maps (its dropIndex removes them by this name). */
    private String mapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
