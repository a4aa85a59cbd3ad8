package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EqualityIndexTest {

    private final MVStore store = MVStore.open(null);

    @AfterEach
    void close() {
        store.close();
    }

    private EqualityIndex index(String... fields) {
        List<IndexKey> keys = new ArrayList<>();
        for (String f : fields) {
            keys.add(new IndexKey(f, true));
        }
        return new EqualityIndex(store.openMap("c._index_" + String.join("_", fields)), "i", keys, false, "_id");
    }

    private static Document doc(Object id, Object... pairs) {
        Document d = new Document("_id", id);
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }

    private static Set<Object> positions(EqualityIndex index, Document query) {
        List<Object> found = new ArrayList<>();
        index.getPositions(query).forEach(found::add);
        assertEquals(found.size(), Set.copyOf(found).size(), "a position listed twice");
        return Set.copyOf(found);
    }

    @Test
    void findsEveryDocumentWithTheValueAndNoOther() {
        EqualityIndex byCase = index("caseId", "startedAt");
        byCase.add(doc("a", "caseId", "c1"), "a", null);
        byCase.add(doc("b", "caseId", "c1"), "b", null);
        byCase.add(doc("c", "caseId", "c2"), "c", null);
        byCase.add(doc("d"), "d", null); // no caseId: never found by one

        assertEquals(Set.of("a", "b"), positions(byCase, new Document("caseId", "c1")));
        assertEquals(Set.of("c"), positions(byCase, new Document("caseId", "c2")
                .append("startedAt", new Document("$gte", new Date(0)))));
        assertEquals(Set.of(), positions(byCase, new Document("caseId", "c")), "a prefix of a value is another value");
        assertEquals(Set.of("a", "b", "c"), positions(byCase,
                new Document("caseId", new Document("$in", List.of("c1", "c2")))));
        assertEquals(Set.of("a", "b"), positions(byCase, new Document("$and", List.of(
                new Document("caseId", "c1"), new Document("$and", List.of(new Document("x", 1)))))),
                "the driver's Filters.and");
        assertEquals(3, byCase.getCount());
    }

    @Test
    void anArrayFieldIsFoundByEachOfItsElementsAsMongoMatchesThem() {
        EqualityIndex byTag = index("categories");
        byTag.add(doc("a", "categories", List.of("LEGAL", "CRISIS")), "a", null);
        byTag.add(doc("b", "categories", List.of("LEGAL", "LEGAL")), "b", null);
        EqualityIndex byOfferedCounselor = index("offers.counselorId");
        byOfferedCounselor.add(doc("x", "offers", List.of(new Document("counselorId", "wang"),
                new Document("counselorId", "li"))), "x", null);

        assertEquals(Set.of("a", "b"), positions(byTag, new Document("categories", "LEGAL")));
        assertEquals(Set.of("a"), positions(byTag, new Document("categories", "CRISIS")));
        assertEquals(Set.of("x"), positions(byOfferedCounselor, new Document("offers.counselorId", "li")));
    }

    @Test
    void numbersOfEveryTypeMeetAsInAQuery() {
        EqualityIndex byLevel = index("level");
        byLevel.add(doc("i", "level", 2), "i", null);
        byLevel.add(doc("l", "level", 2L), "l", null);
        byLevel.add(doc("d", "level", 2.0), "d", null);
        byLevel.add(doc("s", "level", "2"), "s", null);

        assertEquals(Set.of("i", "l", "d"), positions(byLevel, new Document("level", 2L)));
        assertEquals(Set.of("s"), positions(byLevel, new Document("level", "2")));
    }

    @Test
    void anUpdateMovesTheDocumentToItsNewValueAndARemovalForgetsIt() {
        EqualityIndex byOwner = index("ownerId");
        Document before = doc("a", "ownerId", "wang");
        byOwner.add(before, "a", null);
        Document after = doc("a", "ownerId", "li");
        byOwner.updateInPlace(before, after, "a", null);

        assertEquals(Set.of(), positions(byOwner, new Document("ownerId", "wang")));
        assertEquals(Set.of("a"), positions(byOwner, new Document("ownerId", "li")));

        assertEquals("a", byOwner.remove(after), "the position the collection removes the document from");
        assertEquals(Set.of(), positions(byOwner, new Document("ownerId", "li")));
        assertTrue(byOwner.isEmpty());
    }

    @Test
    void leavesToAScanWhatAnEqualityCannotAnswer() {
        EqualityIndex byStatus = index("status", "updatedAt");
        assertTrue(byStatus.canHandle(new Document("status", "OPEN").append("x", 1)));
        assertTrue(byStatus.canHandle(new Document("status", new Document("$in", List.of("OPEN", "CLOSED")))));
        assertFalse(byStatus.canHandle(new Document("updatedAt", new Date())), "only the first field is served");
        assertFalse(byStatus.canHandle(new Document("status", null)), "null also matches a missing field");
        assertFalse(byStatus.canHandle(new Document("status", new Document("$ne", "CLOSED"))));
        assertFalse(byStatus.canHandle(new Document("status", Pattern.compile("^OP"))));
        assertFalse(byStatus.canHandle(new Document("status", List.of("OPEN"))), "array equality");
        assertFalse(byStatus.canHandle(new Document("status", new Document("$in", List.of("OPEN", new Document())))));
        assertFalse(byStatus.canHandle(new Document("$or", List.of(new Document("status", "OPEN")))));
        assertTrue(byStatus.canHandle(new Document("$and", List.of(new Document("status", new Document("$ne", "X")),
                new Document("status", "OPEN")))), "a field named twice: the equality serves");
    }
}
