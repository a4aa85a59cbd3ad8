package org.carehotline.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carehotline.followups.TimeRange;

/**
 * The follow-up forms' own fields: a due date-time typed in the hotline's zone (what a
 * {@code datetime-local} input sends), and a worker's preferred times. Errors go on the
 * {@link Form} next to the field, like every other check.
 */
final class FollowUpFields {

    /** What a {@code datetime-local} input shows and sends: 2026-11-24T10:00. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** A due time a little in the past is someone filling in "now" slowly: it becomes due now. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(10);
    /** Further ahead than a year is a typing mistake, not a plan. */
    static final Duration LONGEST_AHEAD = Duration.ofDays(366);

    private final ZoneId zone;
    private final Clock clock;

    FollowUpFields(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    static String input(Instant at, ZoneId zone) {
        return INPUT.format(at.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The due time in {@code field}: empty when the field is empty and not required (the caller
     * decides what that means), or when it has an error (then set on the form).
     */
    Optional<Instant> dueAt(Form form, String field, boolean required) {
        String text = required ? form.required(field, 20) : form.optional(field, 20);
        if (text.isEmpty() || text.length() > 20) {
            return Optional.empty();
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            form.error(field, "error.dateTime");
            return Optional.empty();
        }
        Instant at = local.atZone(zone).toInstant();
        Instant now = clock.instant();
        if (at.isBefore(now.minus(PAST_TOLERANCE))) {
            form.error(field, "error.pastDue");
            return Optional.empty();
        }
        if (at.isAfter(now.plus(LONGEST_AHEAD))) {
            form.error(field, "error.tooFarAhead");
            return Optional.empty();
        }
        return Optional.of(at.isBefore(now) ? now : at);
    }

    /** Preferred times such as "12:00-13:00, 19:00-21:00"; none when empty. */
    List<TimeRange> preferred(Form form, String field) {
        String text = form.optional(field, 100);
        List<TimeRange> ranges = new ArrayList<>();
        for (String part : text.split("[,，;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ranges.add(TimeRange.parse(part));
            } catch (RuntimeException e) {
                form.error(field, "error.timeRanges");
                return List.of();
            }
        }
        return ranges;
    }

    /** Tomorrow at 10:00 in the hotline's zone: a sensible first follow-up, for the form's default. */
    String tomorrowMorning() {
        return input(clock.instant().atZone(zone).toLocalDate().plusDays(1).atTime(10, 0).atZone(zone).toInstant(),
                zone);
    }
}
