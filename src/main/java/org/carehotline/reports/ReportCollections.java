package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.carehotline.store.MongoStore;

/**
 * The collections as the reports read them: with their own operation timeout, longer than the
 * store's (sized for a caller waiting on a lookup). On the embedded server a report scans every
 * contact, since only unique indexes are used there: 6 to 8 s per 100,000 contacts, 90 s at 1,000,000.
 */
final class ReportCollections {

    /** Longest a report query may run before the page gives up. */
    static final long TIMEOUT_SECONDS = 300;

    private ReportCollections() {
    }

    static MongoCollection<Document> of(MongoStore store, String name) {
        return store.database().getCollection(name).withTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
