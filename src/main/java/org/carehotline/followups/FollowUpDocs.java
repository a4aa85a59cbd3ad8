package org.carehotline.followups;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.carehotline.cases.Category;

/** Follow-ups to and from their stored documents. */
final class FollowUpDocs {

    private FollowUpDocs() {
    }

    static Document window(CallingWindow window) {
        return new Document("zone", window.zone().getId())
                .append("ranges", window.ranges().stream().map(TimeRange::toString).toList());
    }

    static Document attempt(Attempt a) {
        return new Document("at", Date.from(a.at())).append("outcome", a.outcome().code())
                .append("counselorId", a.counselorId().orElse(null)).append("contactId", a.contactId().orElse(null))
                .append("counted", a.counted()).append("detail", a.detail());
    }

    static FollowUp toFollowUp(Document d) {
        Instant dueAt = d.getDate("dueAt").toInstant();
        return new FollowUp(
                d.getObjectId("_id").toHexString(),
                d.getString("caseId"),
                d.getString("phone"),
                d.getString("reason"),
                d.getString("assignee"),
                d.getString("status"),
                dueAt,
                Mode.ofCode(d.getString("mode")),
                Optional.ofNullable(d.getDate("firstDueAt")).map(Date::toInstant).orElse(dueAt),
                Optional.ofNullable(d.getDate("attemptDueAt")).or(() -> Optional.ofNullable(d.getDate("firstDueAt")))
                        .map(Date::toInstant).orElse(dueAt),
                Optional.ofNullable(d.get("window", Document.class)).map(FollowUpDocs::toWindow),
                d.getInteger("attemptsMade", 0),
                d.getInteger("maxAttempts", 3),
                d.getList("attempts", Document.class, List.of()).stream().map(FollowUpDocs::toAttempt).toList(),
                d.getBoolean("highRisk", false),
                Optional.ofNullable(d.getString("category")).map(Category::valueOf),
                Optional.ofNullable(d.getString("dialect")),
                Optional.ofNullable(d.getString("planId")),
                Optional.ofNullable(d.getString("claimToken")),
                Optional.ofNullable(d.getString("currentCounselorId")),
                Optional.ofNullable(d.getString("currentContactId")),
                Optional.ofNullable(d.getList("log", Document.class, List.of()))
                        .filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1).getString("entry")));
    }

    private static CallingWindow toWindow(Document w) {
        return new CallingWindow(ZoneId.of(w.getString("zone")),
                w.getList("ranges", String.class, List.of()).stream().map(TimeRange::parse).toList());
    }

    private static Attempt toAttempt(Document a) {
        return new Attempt(a.getDate("at").toInstant(), Outcome.ofCode(a.getString("outcome")),
                Optional.ofNullable(a.getString("counselorId")), Optional.ofNullable(a.getString("contactId")),
                a.getBoolean("counted", false), a.getString("detail") == null ? "" : a.getString("detail"));
    }
}
