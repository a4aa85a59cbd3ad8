package org.carehotline.store;

import org.bson.Document;
import org.carehotline.config.HotlineConfig.StoreConfig;

/**
 * Run in a child JVM by {@link EmbeddedStoreDurabilityTest}: opens the embedded store, inserts
 * one document, prints ACK once the driver has the acknowledgement, then waits to be killed.
 */
public final class DurabilityChild {

    public static void main(String[] args) throws Exception {
        MongoStore store = MongoStore.open(new StoreConfig("", "durability", 3000, java.nio.file.Path.of(args[0])));
        store.database().getCollection("probe").insertOne(new Document("_id", args[1]).append("note", "乡音"));
        System.out.println("ACK");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
