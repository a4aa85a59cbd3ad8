package org.carehotline.reports;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.followups.Outcome;
import org.carehotline.store.MongoStore;

/**
 * Follow-up figures, in the follow-ups' own words: an attempt is {@code {at, outcome, counted}}
 * in the follow-up's {@code attempts} (see {@link Outcome}); only attempts at the worker's phone
 * count ({@code counted}: a counselor who did not pick up is the hotline's miss), and
 * {@code reached}, {@code checkin_ok} and {@code checkin_talk} mean the worker was reached.
 * Follow-ups are few next to calls, so they are read (projected) and counted here. Blocking.
 */
public final class FollowUpFigures {

    /** Attempt outcomes that mean the worker was reached. */
    static final Set<String> REACHED = Set.of(Outcome.REACHED.code(), Outcome.CHECKIN_OK.code(),
            Outcome.CHECKIN_TALK.code());
    static final Set<String> CLOSED_STATUSES = Set.of(FollowUpStatus.DONE, FollowUpStatus.UNREACHABLE,
            FollowUpStatus.ESCALATED);

    private final MongoCollection<Document> followups;
    private final Clock clock;

    public FollowUpFigures(MongoStore store, Clock clock) {
        this.followups = ReportCollections.of(store, CollectionNames.FOLLOWUPS);
        this.clock = clock;
    }

    public FollowUpRow figures(ReportPeriod period) {
        Instant now = clock.instant();
        long due = 0, made = 0, reached = 0, overdue = 0, attempts = 0;
        // a follow-up called off from the console was never owed: not due, not overdue
        // surveys have their own part (SurveyFigures): they are not calls the hotline owes
        for (Document f : followups.find(new Document("dueAt", CareFigures.range(period))
                        .append("status", new Document("$ne", FollowUpStatus.CANCELLED))
                        .append("mode", new Document("$ne", org.carehotline.followups.Mode.SURVEY.code())))
                .projection(new Document("attempts", 1).append("status", 1).append("dueAt", 1))) {
            List<Document> tries = f.getList("attempts", Document.class, List.of()).stream()
                    .filter(a -> !Boolean.FALSE.equals(a.getBoolean("counted"))).toList();
            boolean wasReached = tries.stream().anyMatch(FollowUpFigures::reached);
            due++;
            attempts += tries.size();
            made += tries.isEmpty() ? 0 : 1;
            reached += wasReached ? 1 : 0;
            boolean closed = CLOSED_STATUSES.contains(String.valueOf(f.getString("status")));
            if (!wasReached && !closed && f.getDate("dueAt").toInstant().isBefore(now)) {
                overdue++;
            }
        }
        return new FollowUpRow(due, made, reached, overdue, attempts);
    }

    static boolean reached(Document attempt) {
        return REACHED.contains(String.valueOf(attempt.getString("outcome")));
    }
}
