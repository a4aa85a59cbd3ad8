package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.support.DamagedStoreFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store check behind {@code /health}: a store that answers pings but cannot read its file is not up. */
class StoreHealthTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoreThatReadsItsFileHasNoProblem() {
        try (MongoStore store = MongoStore.open(DamagedStoreFile.config(dataDir))) {
            DamagedStoreFile.fill(store.database().getCollection("probe"), 2_000);
            assertEquals(Optional.empty(), store.problem());
        }
    }

    @Test
    void aStoreThatCannotReadItsFileHasAProblemThoughItAnswersPings() throws Exception {
        try (MongoStore store = MongoStore.open(DamagedStoreFile.config(dataDir))) {
            DamagedStoreFile.fill(store.database().getCollection("probe"), 12_000);
            DamagedStoreFile.cutShort(dataDir);

            assertTrue(store.ping(), "a ping reads nothing from the file");
            assertTrue(store.problem().isPresent(), "a store that cannot read its file is not up");
        }
    }

    @Test
    void aCommandThatFailedToReadTheFileKeepsTheStoreDown() throws Exception {
        try (MongoStore store = MongoStore.open(DamagedStoreFile.config(dataDir))) {
            MongoCollection<Document> probe = store.database().getCollection("probe");
            DamagedStoreFile.fill(probe, 12_000);
            DamagedStoreFile.cutShort(dataDir);
            assertThrows(MongoException.class, () -> probe.countDocuments(new Document("n", new Document("$gte", 0))));

            String problem = store.problem().orElseThrow();
            assertTrue(problem.startsWith("the data file: a command could not read it"), problem);
        }
    }
}
