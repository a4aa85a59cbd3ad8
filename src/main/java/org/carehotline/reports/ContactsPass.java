package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Runs several contact-based parts of a report in one aggregation: one $match on the period's
 * inbound calls, then $facet with each part's stages. The embedded server reads the whole
 * collection once per aggregation, so the page pays one scan instead of one per part.
 * Each facet's result must stay small (the whole answer is one document): groups and the
 * period's crisis calls, never raw calls.
 */
final class ContactsPass {

    private final MongoCollection<Document> contacts;

    ContactsPass(MongoCollection<Document> contacts) {
        this.contacts = contacts;
    }

    /** Each facet's documents, by name. */
    Map<String, List<Document>> run(ReportPeriod period, Map<String, List<Document>> facets) {
        Document result = contacts.aggregate(List.of(new Document("$match", ServiceFigures.inboundCalls(period)),
                new Document("$facet", new Document(new LinkedHashMap<>(facets))))).first();
        Map<String, List<Document>> byName = new LinkedHashMap<>();
        facets.keySet().forEach(name -> byName.put(name,
                result == null ? List.of() : result.getList(name, Document.class, List.of())));
        return byName;
    }
}
