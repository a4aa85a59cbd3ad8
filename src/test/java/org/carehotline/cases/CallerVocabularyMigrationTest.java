package org.carehotline.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callers from before the vocabulary, on the embedded store: plate field and codes, once and idempotently. */
class CallerVocabularyMigrationTest {

    @TempDir
    Path dataDir;
    private MongoStore store;
    private MongoCollection<Document> callers;

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        callers = store.database().getCollection(CollectionNames.CALLERS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importedPlatesMoveToPlateAndLabelsBecomeCodesAndASecondRunChangesNothing() {
        callers.insertOne(new Document("phone", "13800000001").append("occupation", "货车司机")
                .append("vehiclePlate", "豫A12345").append("region", "河南省").append("dialect", "mandarin, henan"));
        callers.insertOne(new Document("phone", "13800000002").append("occupation", "truck_driver")
                .append("plate", "粤B12345").append("vehiclePlate", "粤B99999").append("region", "郑州"));
        callers.insertOne(new Document("phone", "13800000003").append("occupation", "courier").append("plate", ""));

        assertEquals(2, new CallerVocabularyMigration(store).run());

        Document first = caller("13800000001");
        assertEquals("truck_driver", first.getString("occupation"));
        assertEquals("豫A12345", first.getString("plate"));
        assertFalse(first.containsKey("vehiclePlate"));
        assertEquals("henan", first.getString("region"));
        assertEquals("mandarin,henan", first.getString("dialect"));
        Document second = caller("13800000002");
        assertEquals("粤B12345", second.getString("plate"), "a plate the counselor recorded is kept");
        assertFalse(second.containsKey("vehiclePlate"));
        assertEquals("other: 郑州", second.getString("region"));

        List<Document> after = callers.find().into(new ArrayList<>());
        assertEquals(0, new CallerVocabularyMigration(store).run(), "idempotent");
        assertEquals(after, callers.find().into(new ArrayList<>()));
    }

    private Document caller(String phone) {
        return callers.find(new Document("phone", phone)).first();
    }
}
