package org.carehotline.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** The audit collection: every read of a case and every change, appended, never edited. Blocking. */
public final class AuditLog {

    private final MongoCollection<Document> audit;

    public AuditLog(MongoStore store) {
        this.audit = store.database().getCollection(CollectionNames.AUDIT);
    }

    public void record(AuditEntry e) {
        audit.insertOne(new Document("at", Date.from(e.at())).append("userId", e.userId()).append("login", e.login())
                .append("action", e.action()).append("target", e.target()).append("detail", e.detail())
                .append("remote", e.remote()));
    }

    /** The latest entries, newest first; {@code page} is 1-based. */
    public List<AuditEntry> recent(int page, int size) {
        return audit.find().sort(Sorts.descending("at")).skip((page - 1) * size).limit(size)
                .map(d -> new AuditEntry(d.getDate("at").toInstant(), str(d, "userId"), str(d, "login"),
                        str(d, "action"), str(d, "target"), str(d, "detail"), str(d, "remote")))
                .into(new ArrayList<>());
    }

    public long count() {
        return audit.countDocuments();
    }

    private static String str(Document d, String key) {
        String v = d.getString(key);
        return v == null ? "" : v;
    }
}
