package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Outbound calls on the case timeline: every follow-up attempt (counselor call or automated
 * check-in) is a contact of its own, in the same collection as inbound calls, so the timeline
 * reads them in order. Their {@code uniqueId} is the empty string on purpose: AMI events for
 * inbound calls find contacts by the caller channel's uniqueid, and an originated leg's
 * DialEnd has none (a query for a missing field would match every contact without one), so
 * the inbound reconciliation never touches these. Blocking.
 */
public final class FollowUpContactRepository {

    /** A counselor calls the worker back. */
    public static final String KIND_FOLLOWUP_CALL = "followup_call";
    /** The server calls the worker with the automated check-in. */
    public static final String KIND_CHECKIN_CALL = "checkin_call";
    /** The server calls the worker with the satisfaction survey after the case was closed. */
    public static final String KIND_SURVEY_CALL = "survey_call";
    /** A counselor called the worker from their own phone and recorded the outcome by hand. */
    public static final String KIND_MANUAL_CALL = "followup_manual";

    private final MongoCollection<Document> contacts;

    public FollowUpContactRepository(MongoStore store) {
        this.contacts = store.database().getCollection(CollectionNames.CONTACTS);
    }

    /**
     * Starts the attempt's contact.
     *
     * @param counselorId the counselor whose phone rings first, or null for a check-in
     */
    public String start(String kind, String caseId, String followUpId, String phone, String counselorId, Instant at) {
        List<Document> offers = new ArrayList<>();
        if (counselorId != null) {
            offers.add(new Document("counselorId", counselorId).append("at", Date.from(at)));
        }
        return insert(kind, caseId, followUpId, phone, offers, at, new Document());
    }

    /**
     * Starts the contact of an attempt a counselor made from their own phone: nobody was offered
     * a call, and it is marked {@code manual} with who recorded it. Finished with
     * {@link #finish} like a dialed attempt.
     */
    public String startManual(String caseId, String followUpId, String phone, String counselorId, Instant at) {
        return insert(KIND_MANUAL_CALL, caseId, followUpId, phone, List.of(), at,
                new Document("manual", true).append("recordedBy", counselorId));
    }

    private String insert(String kind, String caseId, String followUpId, String phone, List<Document> offers,
                          Instant at, Document extra) {
        ObjectId id = new ObjectId();
        Document doc = new Document("_id", id)
                .append("caseId", caseId)
                .append("kind", kind)
                .append("uniqueId", "")
                .append("followUpId", followUpId)
                .append("callerNumber", phone)
                .append("phone", phone)
                .append("direction", "outbound")
                .append("offers", offers)
                .append("log", new ArrayList<Document>())
                .append("startedAt", Date.from(at));
        doc.putAll(extra);
        contacts.insertOne(doc);
        return id.toHexString();
    }

    /**
     * The originated channel's Asterisk ids, kept apart from {@code uniqueId} (which stays empty, see
     * above) as {@code channelUniqueId} and {@code linkedId}.
     */
    public void recordChannel(String contactId, String uniqueId, String linkedId) {
        contacts.updateOne(byId(contactId), combine(set("channelUniqueId", uniqueId == null ? "" : uniqueId),
                set("linkedId", linkedId == null ? "" : linkedId)));
    }

    /** The counselor picked up: the worker is being dialed. */
    public void counselorAnswered(String contactId, String counselorId, Instant at) {
        contacts.updateOne(byId(contactId), combine(set("offers.0.outcome", "ANSWER"), set("counselorAnsweredAt",
                Date.from(at)), push("log", entry(at, counselorId + " answered; dialing the worker"))));
    }

    /**
     * Ends the attempt's contact with its outcome; the first report wins.
     *
     * @param disposition the inbound-style disposition when one fits (ANSWERED, NO_ANSWER), else null
     * @param answeredBy  who talked with the worker (a counselor id), or null
     */
    public boolean finish(String contactId, String outcome, Disposition disposition, String answeredBy,
                          long talkSeconds, Instant endedAt, String note) {
        List<Bson> updates = new ArrayList<>(List.of(set("followUpOutcome", outcome), set("endedAt", Date.from(endedAt)),
                set("talkSeconds", talkSeconds), push("log", entry(endedAt, note))));
        if (disposition != null) {
            updates.add(set("disposition", disposition.name()));
        }
        if (answeredBy != null) {
            updates.add(set("answeredBy", answeredBy));
            updates.add(set("answeredAt", Date.from(endedAt.minusSeconds(talkSeconds))));
        }
        return contacts.updateOne(and(byId(contactId), exists("endedAt", false)), combine(updates))
                .getModifiedCount() == 1;
    }

    /** True once the counselor's phone of this attempt was answered. */
    public boolean counselorHasAnswered(String contactId) {
        return contacts.countDocuments(and(byId(contactId), exists("counselorAnsweredAt", true))) > 0;
    }

    /** The follow-up outcome recorded on a contact, if any (for tests and the timeline). */
    public java.util.Optional<String> outcome(String contactId) {
        return java.util.Optional.ofNullable(contacts.find(byId(contactId)).first())
                .map(d -> d.getString("followUpOutcome"));
    }

    private static Document entry(Instant at, String text) {
        return new Document("at", Date.from(at)).append("entry", text);
    }

    private static Bson byId(String contactId) {
        return eq("_id", new ObjectId(contactId));
    }
}
