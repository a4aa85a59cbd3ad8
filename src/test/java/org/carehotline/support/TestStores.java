package org.carehotline.support;

import java.nio.file.Path;
import java.util.UUID;
import org.carehotline.config.HotlineConfig.StoreConfig;
import org.carehotline.store.MongoStore;

/**
 * Stores for tests: the embedded server in a temporary folder, or, when
 * {@code HOTLINE_TEST_MONGO_URI} is set, a real MongoDB with a fresh database per test.
 */
public final class TestStores {

    public static final String REAL_MONGO_ENV = "HOTLINE_TEST_MONGO_URI";

    private TestStores() {
    }

    public static StoreConfig config(Path dataDir) {
        String uri = System.getenv(REAL_MONGO_ENV);
        String database = "hotline_test_" + UUID.randomUUID().toString().substring(0, 8);
        return new StoreConfig(uri == null ? "" : uri, database, 3000, dataDir);
    }

    public static MongoStore open(Path dataDir) {
        return MongoStore.open(config(dataDir));
    }
}
