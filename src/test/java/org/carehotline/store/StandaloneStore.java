package org.carehotline.store;

import java.nio.file.Path;

/**
 * The embedded store in a process of its own, as a MongoDB server would run beside the
 * hotline: for the routing benchmark's {@code --store=separate}. Prints
 * {@code @store <connection string>}, then serves until its standard input closes.
 *
 * <p>Arguments: data folder, page cache in MB.
 */
public final class StandaloneStore {

    private StandaloneStore() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]))) {
            System.out.println("@store " + mongo.connectionString());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our input (or ends)
            }
        }
    }
}
