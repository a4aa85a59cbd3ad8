package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UniqueKeyIndexTest {

    private final MVStore store = MVStore.open(null);

    @AfterEach
    void close() {
        store.close();
    }

    private UniqueKeyIndex idIndex() {
        return new UniqueKeyIndex(store.openMap("c._index__id_"), "_id_", List.of(new IndexKey("_id", true)), false);
    }

    private static List<Object> positions(UniqueKeyIndex index, Document query) {
        List<Object> found = new ArrayList<>();
        index.getPositions(query).forEach(found::add);
        return found;
    }

    @Test
    void aConditionalUpdateByIdReadsOnlyThatDocument() {
        UniqueKeyIndex ids = idIndex();
        ids.add(new Document("_id", "a"), "a", null);
        ids.add(new Document("_id", "b"), "b", null);

        Document conditional = new Document("_id", "b").append("answeredAt", new Document("$exists", false));
        assertTrue(ids.canHandle(conditional));
        assertEquals(List.of("b"), positions(ids, conditional));
        assertEquals(List.of(), positions(ids, new Document("_id", "z").append("status", "OPEN")));

        // how the Java driver writes Filters.and(eq("_id", ...), exists(...))
        Document driverAnd = new Document("$and", List.of(new Document("_id", "a"),
                new Document("answeredAt", new Document("$exists", false))));
        assertTrue(ids.canHandle(driverAnd));
        assertEquals(List.of("a"), positions(ids, driverAnd));
    }

    @Test
    void stillAnswersItsOwnFieldsAloneAndLeavesTheRestToAScan() {
        UniqueKeyIndex ids = idIndex();
        assertTrue(ids.canHandle(new Document("_id", "a")));
        assertTrue(ids.canHandle(new Document("_id", new Document("$in", List.of("a", "b")))));
        assertFalse(ids.canHandle(new Document("status", "OPEN")), "a query without the id");
        assertFalse(ids.canHandle(new Document("_id", new Document("$gt", "a")).append("status", "OPEN")),
                "a range on the id with other fields");
        assertFalse(ids.canHandle(new Document("_id", null).append("status", "OPEN")));
    }
}
