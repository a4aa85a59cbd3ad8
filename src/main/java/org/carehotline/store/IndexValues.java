package org.carehotline.store;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The values the embedded store's own indexes look up: plain, non-null values with an exact
 * text form, so that "equal in MongoDB's eyes" means "same key". Anything else (null, a
 * sub-document, an array, a regular expression, an operator other than {@code $in}) is left
 * to a scan, which matches every query correctly.
 */
final class IndexValues {

    /** Separates a value's key from the position that makes an entry unique; sorts before any text. */
    static final char SEPARATOR = '\u0000';

    private IndexValues() {
    }

    /** The key of one plain value, or empty when the value is not one an index can look up. */
    static Optional<String> key(Object value) {
        if (value instanceof String s) {
            return Optional.of("s" + s);
        }
        if (value instanceof ObjectId id) {
            return Optional.of("o" + id.getHexData());
        }
        if (value instanceof Boolean b) {
            return Optional.of("b" + b);
        }
        if (value instanceof Date d) {
            return Optional.of("t" + d.getTime());
        }
        if (value instanceof UUID u) {
            return Optional.of("u" + u);
        }
        if (value instanceof Long l && (double) l != l) {
            return Optional.of("l" + l); // too large for a double: MongoDB compares it exactly
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Optional.of("d" + (d == -0.0 ? 0.0 : d)); // 1, 1L and 1.0 are equal in a query
        }
        return Optional.empty();
    }

    /**
     * The keys a query asks for on one field: one for a plain value, several for
     * {@code {$in: [...]}}; empty when the condition is anything else.
     */
    static Optional<List<String>> queried(Object condition) {
        if (condition instanceof Document d) {
            if (d.size() != 1 || !(d.get("$in") instanceof Collection<?> values)) {
                return Optional.empty();
            }
            List<String> keys = new ArrayList<>();
            for (Object v : values) {
                Optional<String> key = key(v);
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                keys.add(key.get());
            }
            return Optional.of(keys);
        }
        return key(condition).map(List::of);
    }

    /**
     * The conditions on each field that every match must meet: the query's own fields and
     * those of its top-level {@code $and} (the Java driver writes {@code Filters.and(...)} as
     * one), recursively. A field named twice keeps the first condition an index can look up:
     * any one of them alone already narrows the candidates to a superset of the matches.
     */
    static Map<String, Object> conditions(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        collect(query, conditions);
        return conditions;
    }

    private static void collect(Document query, Map<String, Object> conditions) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            if (e.getKey().equals("$and") && e.getValue() instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document d) {
                        collect(d, conditions);
                    }
                }
            } else if (!e.getKey().startsWith("$")) {
                Object known = conditions.get(e.getKey());
                if (known == null || queried(known).isEmpty()) {
                    conditions.put(e.getKey(), e.getValue());
                }
            }
        }
    }

    /**
     * The keys a document is found by for one field path: each element's for an array (a
     * "multikey" entry, as MongoDB matches {@code {tags: "x"}} against {@code tags: ["x", "y"]}),
     * none for a missing field or values no query here can look up.
     */
    static List<String> stored(Object value) {
        List<String> keys = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                key(v).filter(k -> !keys.contains(k)).ifPresent(keys::add);
            }
        } else if (!Missing.isNullOrMissing(value)) {
            key(value).ifPresent(keys::add);
        }
        return keys;
    }
}
