package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.carehotline.config.HotlineConfig.AgiConfig;
import org.carehotline.store.MongoStore;
import org.carehotline.support.DamagedStoreFile;
import org.carehotline.telephony.agi.FastAgiService;
import org.carehotline.telephony.ami.AmiStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health} with an embedded store that still answers but can no longer read its file. */
class HealthCheckStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoreThatCannotReadItsFileIsDown() throws Exception {
        AmiStatus connected = new AmiStatus("CONNECTED", "127.0.0.1:5038", Instant.now(), 1, "");
        try (MongoStore store = MongoStore.open(DamagedStoreFile.config(dataDir));
             FastAgiService agi = new FastAgiService(new AgiConfig("127.0.0.1", 0, 5000), Map.of())) {
            agi.start();
            HealthCheck health = new HealthCheck(store, agi, () -> connected);
            DamagedStoreFile.fill(store.database().getCollection("probe"), 12_000);
            assertEquals("UP", health.check().getString("status"));

            DamagedStoreFile.cutShort(dataDir);
            JsonObject down = health.check();
            assertEquals("DOWN", down.getString("status"), down.encode());
            assertFalse(down.getJsonObject("store").getBoolean("up"));
            assertTrue(store.ping(), "the server still answers: only reading the file tells");
            assertFalse(down.getJsonObject("store").getString("error").isBlank());
        }
    }
}
