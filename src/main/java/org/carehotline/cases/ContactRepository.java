package org.carehotline.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/**
 * Contacts in MongoDB. A call's facts arrive from two sides, the AGI script and AMI events, in
 * either order: each time and outcome is written only if not yet set, so the first report
 * wins and a late duplicate changes nothing. Blocking.
 */
public final class ContactRepository {

    static final String KIND_INBOUND_CALL = "inbound_call";

    private final MongoCollection<Document> contacts;

    public ContactRepository(MongoStore store) {
        this.contacts = store.database().getCollection(CollectionNames.CONTACTS);
    }

    String insertInboundCall(String caseId, String callerId, IncomingCall call, String phone) {
        ObjectId id = new ObjectId();
        contacts.insertOne(new Document("_id", id)
                .append("caseId", caseId)
                .append("callerId", callerId)
                .append("kind", KIND_INBOUND_CALL)
                .append("uniqueId", call.uniqueId())
                .append("channel", call.channel())
                .append("callerNumber", call.callerNumber())
                .append("phone", phone)
                .append("offers", new ArrayList<Document>())
                .append("log", new ArrayList<Document>())
                .append("startedAt", Date.from(call.arrivedAt())));
        return id.toHexString();
    }

    void setMenuChoice(String contactId, String key, Category category, Instant queuedAt) {
        contacts.updateOne(byId(contactId), combine(set("menuKey", key), set("category", category.name()),
                set("queuedAt", Date.from(queuedAt))));
    }

    /**
     * Adds an offer unless this counselor already has one without an outcome; guarded by the
     * number of offers read, so a concurrent offer makes this one step aside.
     */
    boolean addOfferUnlessOpen(String contactId, String counselorId, Instant at) {
        Document contact = contacts.find(byId(contactId)).projection(new Document("offers", 1)).first();
        if (contact == null) {
            return false;
        }
        List<Document> offers = contact.getList("offers", Document.class, List.of());
        if (offers.stream().anyMatch(o -> counselorId.equals(o.getString("counselorId")) && !o.containsKey("outcome"))) {
            return false;
        }
        return contacts.updateOne(and(byId(contactId), new Document("offers", new Document("$size", offers.size()))),
                push("offers", new Document("counselorId", counselorId).append("at", Date.from(at))))
                .getModifiedCount() == 1;
    }

    /**
     * Sets the outcome of the latest offer to this counselor that has none yet. Addressed by
     * index (offers are only ever appended), guarded by the counselor id at that index.
     */
    void setOfferOutcome(String contactId, String counselorId, String outcome) {
        openOfferIndex(contactId, counselorId).ifPresent(i -> contacts.updateOne(
                and(byId(contactId), eq("offers." + i + ".counselorId", counselorId)),
                set("offers." + i + ".outcome", outcome)));
    }

    /** The index of the latest offer to this counselor that has no outcome yet. */
    private java.util.OptionalInt openOfferIndex(String contactId, String counselorId) {
        Document contact = contacts.find(byId(contactId)).projection(new Document("offers", 1)).first();
        List<Document> offers = contact == null ? List.of() : contact.getList("offers", Document.class, List.of());
        for (int i = offers.size() - 1; i >= 0; i--) {
            Document offer = offers.get(i);
            if (counselorId.equals(offer.getString("counselorId")) && !offer.containsKey("outcome")) {
                return java.util.OptionalInt.of(i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /**
     * Records the answer if none was recorded; true when this call recorded it. The disposition
     * becomes ANSWERED unless the call went to the fallback group or asked for a call-back: those
     * keep what happened to them, with who answered beside it.
     */
    boolean setAnsweredIfUnset(String contactId, String counselorId, Instant answeredAt) {
        boolean first = contacts.updateOne(and(byId(contactId), exists("answeredAt", false)),
                combine(set("answeredAt", Date.from(answeredAt)), set("answeredBy", counselorId)))
                .getModifiedCount() == 1;
        if (first) {
            contacts.updateOne(and(byId(contactId), nin("disposition", List.of(Disposition.FALLBACK.name(),
                    Disposition.CALLBACK_REQUESTED.name()))), set("disposition", Disposition.ANSWERED.name()));
        }
        return first;
    }

    /** Marks the open offer to this counselor as ringing (AMI DialBegin); no offer is added. */
    void markOfferRinging(String contactId, String counselorId, Instant at) {
        openOfferIndex(contactId, counselorId).ifPresent(i -> contacts.updateOne(
                and(byId(contactId), eq("offers." + i + ".counselorId", counselorId),
                        exists("offers." + i + ".rangAt", false)), set("offers." + i + ".rangAt", Date.from(at))));
    }

    /**
     * Records the end with its durations in one write, if the call has no end yet and its answer
     * is still as read (an answer arriving meanwhile makes this return false: read again).
     *
     * @param read the contact as read just before, without an end
     */
    boolean endIfUnchanged(Contact read, Instant endedAt, long waitSeconds, Long talkSeconds) {
        Bson answerAsRead = read.answeredAt().map(a -> eq("answeredAt", Date.from(a)))
                .orElse(exists("answeredAt", false));
        List<Bson> updates = new ArrayList<>(List.of(set("endedAt", Date.from(endedAt)),
                set("waitSeconds", waitSeconds), set("talkSeconds", talkSeconds)));
        if (read.disposition().isEmpty()) {
            updates.add(set("disposition", Disposition.ABANDONED.name()));
        }
        Bson dispositionAsRead = read.disposition().map(d -> eq("disposition", d.name()))
                .orElse(exists("disposition", false));
        return contacts.updateOne(and(byId(read.id()), exists("endedAt", false), answerAsRead, dispositionAsRead),
                combine(updates)).getModifiedCount() == 1;
    }

    /** Sets the disposition unless one is already set (an answered call stays answered); true when set. */
    boolean setDispositionIfUnset(String contactId, Disposition disposition) {
        return contacts.updateOne(and(byId(contactId), exists("disposition", false)),
                set("disposition", disposition.name())).getModifiedCount() == 1;
    }

    /** Stores what the call went through before a human (see {@link IvrJourneyRecord}); the last write wins. */
    void setIvr(String contactId, IvrJourneyRecord ivr) {
        Document doc = new Document("path", ivr.path()).append("step", ivr.step())
                .append("answeredAt", Date.from(ivr.answeredAt())).append("abandoned", ivr.abandoned());
        ivr.ringingAt().ifPresent(at -> doc.append("ringingAt", Date.from(at)));
        ivr.humanAt().ifPresent(at -> doc.append("humanAt", Date.from(at)));
        ivr.tenthsToRinging().ifPresent(t -> doc.append("toRingingTenths", t));
        ivr.tenthsToHuman().ifPresent(t -> doc.append("toHumanTenths", t));
        ivr.helpNowAt().ifPresent(at -> doc.append("helpNowAt", Date.from(at)));
        ivr.tenthsFromHelpNowToRinging().ifPresent(t -> doc.append("helpNowToRingingTenths", t));
        contacts.updateOne(byId(contactId), set("ivr", doc));
    }

    /** Appends a line to the contact's log: what the server did and why, for "why did this caller wait". */
    void log(String contactId, Instant at, String entry) {
        contacts.updateOne(byId(contactId), push("log", new Document("at", Date.from(at)).append("entry", entry)));
    }

    Optional<String> findIdByUniqueId(String uniqueId) {
        return Optional.ofNullable(contacts.find(eq("uniqueId", uniqueId)).sort(Sorts.descending("startedAt")).first())
                .map(d -> d.getObjectId("_id").toHexString());
    }

    public Optional<Contact> findById(String contactId) {
        return Optional.ofNullable(contacts.find(byId(contactId)).first()).map(ContactRepository::toContact);
    }

    /** A case's contacts, oldest first. */
    public List<Contact> forCase(String caseId) {
        return contacts.find(eq("caseId", caseId)).sort(Sorts.ascending("startedAt"))
                .map(ContactRepository::toContact).into(new ArrayList<>());
    }

    /** Calls that started in [from, before) and have no end: candidates for reconciliation. */
    List<Contact> unfinishedBetween(Instant from, Instant before) {
        return contacts.find(and(exists("endedAt", false), gte("startedAt", Date.from(from)),
                        lt("startedAt", Date.from(before))))
                .map(ContactRepository::toContact).into(new ArrayList<>());
    }

    private static Bson byId(String contactId) {
        return eq("_id", new ObjectId(contactId));
    }

    static Contact toContact(Document d) {
        List<Contact.Offer> offers = d.getList("offers", Document.class, List.of()).stream()
                .map(o -> new Contact.Offer(o.getString("counselorId"), o.getDate("at").toInstant(),
                        Optional.ofNullable(o.getString("outcome"))))
                .toList();
        return new Contact(
                d.getObjectId("_id").toHexString(),
                d.getString("caseId"),
                d.getString("kind"),
                Docs.string(d, "uniqueId"),
                Docs.string(d, "callerNumber"),
                Docs.optionalString(d, "menuKey"),
                Docs.optionalString(d, "category").map(Category::valueOf),
                offers,
                Docs.optionalString(d, "answeredBy"),
                Docs.instant(d, "startedAt").orElse(Instant.EPOCH),
                Docs.instant(d, "queuedAt"),
                Docs.instant(d, "answeredAt"),
                Docs.instant(d, "endedAt"),
                Docs.number(d, "waitSeconds"),
                Docs.number(d, "talkSeconds"),
                Docs.optionalString(d, "disposition").map(Disposition::valueOf),
                d.getList("log", Document.class, List.of()).stream()
                        .map(e -> new Contact.LogEntry(e.getDate("at").toInstant(), e.getString("entry"))).toList(),
                Optional.ofNullable(d.get("ivr", Document.class)).map(ContactRepository::toIvr));
    }

    private static IvrJourneyRecord toIvr(Document ivr) {
        return new IvrJourneyRecord(Docs.string(ivr, "path"), Docs.string(ivr, "step"),
                Docs.instant(ivr, "answeredAt").orElse(Instant.EPOCH), Docs.instant(ivr, "ringingAt"),
                Docs.instant(ivr, "humanAt"), Boolean.TRUE.equals(ivr.getBoolean("abandoned")),
                Docs.instant(ivr, "helpNowAt"));
    }
}
