package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.carehotline.registry.RegistryImport;
import org.carehotline.registry.RegistryImportTest;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage of the imported registry: who has called or been called, by occupation and region. */
class CoverageFiguresTest {

    @TempDir
    Path dataDir;
    private MongoStore store;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void registeredWorkersReachedByGroupAndRegion() {
        store = TestStores.open(dataDir);
        new RegistryImport(store).run(RegistryImportTest.FILE.getBytes(StandardCharsets.UTF_8), n -> { });
        // 张伟 called in; 周八 was called back (attempt made); 李强's follow-up was never tried; 吴九 nothing
        store.database().getCollection(CollectionNames.CONTACTS).insertOne(
                Calls.startedAt("2026-11-21T01:00:00Z").phone("13800138000").build());
        store.database().getCollection(CollectionNames.FOLLOWUPS).insertMany(List.of(
                new Document("phone", "037166667777").append("attempts",
                        List.of(new Document("at", new Date()).append("outcome", "NOANSWER"))),
                new Document("phone", "13900000001").append("attempts", List.of())));
        // a caller who is not in the registry does not count
        store.database().getCollection(CollectionNames.CALLERS).insertOne(new Document("phone", "13111111111"));

        CoverageFigures.Coverage coverage = new CoverageFigures(store).coverage();
        assertEquals(new CoverageRow("", 4, 2), coverage.all());
        assertEquals(50.0, coverage.all().percent());
        // the import stores occupations as the vocabulary's codes; the page labels them
        assertEquals(List.of(new CoverageRow("construction_worker", 1, 0), new CoverageRow("ride_hailing_driver", 1, 1),
                new CoverageRow("truck_driver", 2, 1)), coverage.byOccupation());
        assertEquals(List.of(new CoverageRow("", 1, 0), new CoverageRow("other: 广州", 1, 0),
                new CoverageRow("other: 郑州", 2, 2)),
                coverage.byRegion());
    }
}
