package org.carehotline.store;

import java.nio.file.Path;

/**
 * The embedded store in a process of its own, as a MongoDB server would run beside the
 * hotline: for the routing benchmark's {@code --store=separate}. Prints
 * {@code @store <connection string>}, then serves until its standard input closes.
 *
 * <p>Arguments: data folder, page cache in MB, and optionally the retention time of unused
 * chunks in ms (H2's 45 s by default; the store tests shorten it).
 */
public final class StandaloneStore {

    private StandaloneStore() {
    }

    public static void main(String[] args) throws Exception {
        int retentionMs = args.length > 2 ? Integer.parseInt(args[2]) : EmbeddedMongo.DEFAULT_RETENTION_MS;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]), retentionMs)) {
            System.out.println("@store " + mongo.connectionString());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our input (or ends)
            }
        }
    }
}
