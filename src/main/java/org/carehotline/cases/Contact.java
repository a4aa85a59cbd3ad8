package org.carehotline.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One interaction on a case. For a call: the Asterisk ids, the menu key, who was offered the
 * call and who answered, the times and the disposition.
 *
 * @param uniqueId the caller channel's Asterisk uniqueid
 * @param queuedAt when the caller finished the menu and started waiting for a counselor
 * @param offers   each counselor offered the call, in order, with the outcome
 * @param log      the server's decisions about the call, in order
 * @param ivr      what an inbound call went through before a human (written when the script ends)
 */
public record Contact(
        String id,
        String caseId,
        String kind,
        String uniqueId,
        String callerNumber,
        Optional<String> menuKey,
        Optional<Category> category,
        List<Offer> offers,
        Optional<String> answeredBy,
        Instant startedAt,
        Optional<Instant> queuedAt,
        Optional<Instant> answeredAt,
        Optional<Instant> endedAt,
        Optional<Long> waitSeconds,
        Optional<Long> talkSeconds,
        Optional<Disposition> disposition,
        List<LogEntry> log,
        Optional<IvrJourneyRecord> ivr) {

    /** One line of what the server did with the call and why ("why did this caller wait"). */
    public record LogEntry(Instant at, String entry) {}

    /** A counselor offered this call; outcome is ANSWER, NOANSWER, BUSY, CHANUNAVAIL, … or empty while ringing. */
    public record Offer(String counselorId, Instant at, Optional<String> outcome) {}
}
