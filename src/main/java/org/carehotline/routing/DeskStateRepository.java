package org.carehotline.routing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * What each counselor last set at the desk (available, paused with a reason, signed out), one
 * document per counselor, so that a restarted server routes to the counselors who are at their
 * desks at once instead of waiting for each to press 可接听 again. Blocking.
 */
public final class DeskStateRepository {

    private final MongoCollection<Document> desks;

    public DeskStateRepository(MongoStore store) {
        this.desks = store.database().getCollection(CollectionNames.DESK_STATES);
    }

    /** Stores what the counselor set now; the newest write wins. */
    public void save(String counselorId, ConsoleStatus console, Instant at) {
        desks.replaceOne(new Document("_id", counselorId), new Document("_id", counselorId)
                .append("signedIn", console.signedIn())
                .append("pauseReason", console.pauseReason().orElse(null))
                .append("at", java.util.Date.from(at)), new ReplaceOptions().upsert(true));
    }

    /** Every counselor's last desk state, by counselor id. */
    public Map<String, ConsoleStatus> all() {
        Map<String, ConsoleStatus> all = new HashMap<>();
        for (Document d : desks.find()) {
            all.put(d.getString("_id"), new ConsoleStatus(Boolean.TRUE.equals(d.getBoolean("signedIn")),
                    Optional.ofNullable(d.getString("pauseReason"))));
        }
        return all;
    }
}
