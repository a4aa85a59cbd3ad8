package org.carehotline.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index of the embedded store, which mongo-java-server leaves out (it logs
 * "secondary index ... not yet implemented" and scans). It answers equality on the index's
 * first field, the way MongoDB uses the leading field of a compound index: a query with
 * {@code caseId: "…"} (and anything else) reads only that case's documents, the rest of the
 * query is then matched on them. Ranges, sorts and later fields are not served from it.
 *
 * <p>Kept in the same MVStore as the documents, so it is committed with them (a crash leaves
 * both at the same commit) and needs no rebuild at start; an index created on a collection that
 * already has documents, or a data file written before these indexes existed, is filled from
 * the documents once (the collection does that for an empty index). Entries are
 * {@code <value key> NUL <position key>} → position, so the documents of one value are a range.
 */
final class EqualityIndex extends Index<Object> {

    private final MVMap<String, Object> entries;
    private final String field;
    private final String idField;

    EqualityIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse, String idField) {
        super(name, keys, sparse);
        this.entries = entries;
        this.field = keys.get(0).getKey();
        this.idField = idField;
    }

    /** A document cannot be found by a non-unique key alone: no single position. */
    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // nothing to violate
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        String positionKey = positionKey(position);
        for (String value : valuesOf(document)) {
            entries.put(value + IndexValues.SEPARATOR + positionKey, position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        String positionKey = positionKey(position);
        for (String value : valuesOf(document)) {
            entries.remove(value + IndexValues.SEPARATOR + positionKey);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // nothing to violate
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        List<String> before = valuesOf(oldDocument);
        List<String> after = valuesOf(newDocument);
        if (before.equals(after)) {
            return;
        }
        String positionKey = positionKey(position);
        for (String value : before) {
            if (!after.contains(value)) {
                entries.remove(value + IndexValues.SEPARATOR + positionKey);
            }
        }
        for (String value : after) {
            if (!before.contains(value)) {
                entries.put(value + IndexValues.SEPARATOR + positionKey, position);
            }
        }
    }

    /**
     * True when every match must have one value (or one of a list, with {@code $in}) in the
     * first field, directly or in a top-level {@code $and}.
     */
    @Override
    public boolean canHandle(Document query) {
        return IndexValues.queried(IndexValues.conditions(query).get(field)).isPresent();
    }

    /** The positions of the documents with the queried value(s): a superset of the matches. */
    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        List<String> values = IndexValues.queried(IndexValues.conditions(query).get(field))
                .orElseThrow(() -> new IllegalArgumentException("not an equality on " + field + ": " + query));
        Set<Object> positions = new LinkedHashSet<>();
        for (String value : values) {
            String from = value + IndexValues.SEPARATOR;
            Cursor<String, Object> range = entries.cursor(from);
            while (range.hasNext() && range.next().startsWith(from)) {
                positions.add(range.getValue());
            }
        }
        return new ArrayList<>(positions); // a copy: the caller reads it after the lock is gone
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

    @Override
    public synchronized void drop() {
        entries.clear();
    }

    private List<String> valuesOf(Document document) {
        return IndexValues.stored(Utils.getSubdocumentValueCollectionAware(document, field));
    }

    /** The position the H2 collection files a document under: its id (see H2Collection#addDocumentInternal). */
    private Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, idField));
    }

    private static String positionKey(Object position) {
        Optional<String> key = IndexValues.key(position);
        // ids are ObjectIds or strings here; anything else is still told apart by its text and type
        return key.orElseGet(() -> position.getClass().getName() + ":" + position);
    }
}
