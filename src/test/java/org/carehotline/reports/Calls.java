package org.carehotline.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Builds contact documents as the CallRecorder stores them, for report tests and the benchmark. */
public final class Calls {

    private final Document doc;

    private Calls(Instant startedAt) {
        doc = new Document("caseId", "case-1").append("callerId", "caller-1").append("kind", "inbound_call")
                .append("uniqueId", "u-" + startedAt.toEpochMilli()).append("phone", "13800138000")
                .append("offers", new ArrayList<Document>()).append("log", new ArrayList<Document>())
                .append("startedAt", Date.from(startedAt)).append("queuedAt", Date.from(startedAt));
    }

    public static Calls startedAt(String instant) {
        return new Calls(Instant.parse(instant));
    }

    public static Calls startedAt(Instant instant) {
        return new Calls(instant);
    }

    public Calls inCase(String caseId) {
        doc.append("caseId", caseId);
        return this;
    }

    public Calls phone(String phone) {
        doc.append("phone", phone);
        return this;
    }

    public Calls category(String category, String menuKey) {
        doc.append("category", category).append("menuKey", menuKey);
        return this;
    }

    /** A counselor was offered the call; outcome ANSWER, NOANSWER, BUSY, ... or null while ringing. */
    public Calls offer(String counselorId, String outcome) {
        Document offer = new Document("counselorId", counselorId).append("at", doc.getDate("startedAt"));
        if (outcome != null) {
            offer.append("outcome", outcome);
        }
        doc.getList("offers", Document.class).add(offer);
        return this;
    }

    public Calls answered(String by, long waitSeconds, long talkSeconds) {
        Instant start = doc.getDate("startedAt").toInstant();
        Instant answeredAt = start.plusSeconds(waitSeconds);
        return set("answeredBy", by).set("answeredAt", Date.from(answeredAt))
                .set("endedAt", Date.from(answeredAt.plusSeconds(talkSeconds)))
                .set("waitSeconds", waitSeconds).set("talkSeconds", talkSeconds).set("disposition", "ANSWERED");
    }

    /** Ended without an answer after waiting, with this disposition (ABANDONED, NO_ANSWER, ...). */
    public Calls ended(String disposition, long waitSeconds) {
        Instant start = doc.getDate("startedAt").toInstant();
        return set("endedAt", Date.from(start.plusSeconds(waitSeconds))).set("waitSeconds", waitSeconds)
                .set("disposition", disposition);
    }

    public Calls set(String key, Object value) {
        doc.append(key, value);
        return this;
    }

    public Document build() {
        return doc;
    }

    public static List<Document> all(Calls... calls) {
        return List.of(calls).stream().map(Calls::build).toList();
    }
}
