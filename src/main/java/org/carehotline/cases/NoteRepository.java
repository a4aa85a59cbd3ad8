package org.carehotline.cases;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Case notes. Append-only by design: there is no update or delete, a correction is a new note. Blocking. */
public final class NoteRepository {

    private final MongoCollection<Document> notes;

    public NoteRepository(MongoStore store) {
        this.notes = store.database().getCollection(CollectionNames.NOTES);
    }

    public Note add(String caseId, String authorId, String authorName, String text, Instant at) {
        ObjectId id = new ObjectId();
        notes.insertOne(new Document("_id", id).append("caseId", caseId).append("authorId", authorId)
                .append("authorName", authorName).append("text", text).append("at", Date.from(at)));
        return new Note(id.toHexString(), caseId, authorId, authorName, text, at);
    }

    /** A case's notes, oldest first. */
    public List<Note> forCase(String caseId) {
        return notes.find(eq("caseId", caseId)).sort(Sorts.ascending("at"))
                .map(d -> new Note(d.getObjectId("_id").toHexString(), d.getString("caseId"), d.getString("authorId"),
                        Docs.string(d, "authorName"), Docs.string(d, "text"), d.getDate("at").toInstant()))
                .into(new ArrayList<>());
    }
}
