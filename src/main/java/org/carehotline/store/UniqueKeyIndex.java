package org.carehotline.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the embedded store (the {@code _id} index among them) that also serves a
 * query naming more fields than its own, as MongoDB does: {@code {_id: X, answeredAt: {$exists:
 * false}}} reads the one document with that id and checks the rest on it. mongo-java-server's
 * own index only answers a query on exactly its fields, so every conditional update by id
 * scanned the whole collection. Stored like the library's {@code H2UniqueIndex}, in the same
 * map, so existing data files keep working.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;

    UniqueKeyIndex(MVMap<KeyValue, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    /**
     * The library's rule (exactly this index's fields), or: every match must have a plain value
     * in each field of this index (the query names them among others, directly or in a
     * top-level {@code $and}); then the index yields the one document with those values.
     */
    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || ownFields(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        if (super.canHandle(query)) {
            return super.getPositions(query);
        }
        Document own = ownFields(query);
        if (own == null) {
            throw new IllegalArgumentException("no plain value for every field of " + getName() + " in " + query);
        }
        return super.getPositions(own);
    }

    /** The query's plain values for this index's fields alone, or null if one has none. */
    private Document ownFields(Document query) {
        Map<String, Object> conditions = IndexValues.conditions(query);
        Document own = new Document();
        for (String key : keys()) {
            Object value = conditions.get(key);
            if (IndexValues.key(value).isEmpty()) {
                return null;
            }
            own.put(key, value);
        }
        return own;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return entries.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return entries.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return entries.get(keyValue);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
