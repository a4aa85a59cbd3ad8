package org.carehotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.carehotline.config.HotlineConfig.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void anAcknowledgedWriteSurvivesKillMinusNineAMomentLater() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), dataDir.toString(), "written-before-kill"))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ACK")) {
            // skip log lines
        }
        assertEquals("ACK", line, "the child never got its write acknowledged");
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final commit
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));

        try (MongoStore reopened = MongoStore.open(new StoreConfig("", "durability", 3000, dataDir))) {
            Document found = reopened.database().getCollection("probe").find(new Document("_id", "written-before-kill"))
                    .first();
            assertNotNull(found, "the acknowledged write was lost");
            assertEquals("乡音", found.getString("note"));
        }
    }

    @Test
    void dataSurvivesAnOrderlyRestart() {
        StoreConfig config = new StoreConfig("", "restart", 3000, dataDir);
        try (MongoStore store = MongoStore.open(config)) {
            store.database().getCollection("probe").insertOne(new Document("_id", "kept"));
        }
        try (MongoStore store = MongoStore.open(config)) {
            assertEquals(1, store.database().getCollection("probe").countDocuments());
            assertTrue(store.description().contains(dataDir.toString()), store.description());
        }
    }
}
