package org.carehotline.support;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.carehotline.config.HotlineConfig.StoreConfig;

/**
 * An embedded store whose file is damaged under it, for the store checks behind
 * {@code /health}: filled with several times its 1 MB page cache, then cut short to its two
 * headers, so that its chunks are gone (as a freed chunk is gone) and reads must go to the file.
 */
public final class DamagedStoreFile {

    /** The smallest page cache: the first pages written are long out of it after {@link #fill}. */
    public static final int CACHE_MB = 1;

    private DamagedStoreFile() {
    }

    public static StoreConfig config(Path dataDir) {
        // a long timeout: writing through a 1 MB cache is slow on a busy machine
        return new StoreConfig("", "health", 10_000, dataDir, CACHE_MB);
    }

    /** Inserts this many documents of about 1 KB. */
    public static void fill(MongoCollection<Document> collection, int count) {
        String filler = "页".repeat(300);
        for (int start = 0; start < count; start += 250) {
            List<Document> batch = new ArrayList<>();
            for (int i = start; i < start + 250; i++) {
                batch.add(new Document("_id", i).append("n", i).append("text", filler + i));
            }
            collection.insertMany(batch);
        }
    }

    /** Keeps the file's two headers and nothing else. */
    public static void cutShort(Path dataDir) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDir.resolve("hotline.mv"), StandardOpenOption.WRITE)) {
            channel.truncate(8192);
        }
    }
}
