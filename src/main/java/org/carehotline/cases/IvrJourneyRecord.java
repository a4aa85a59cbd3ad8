package org.carehotline.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an inbound call went through before a human: stored on its contact as {@code ivr}, read
 * by the service report (seconds from answer to ringing and to a human, per path) and by anyone
 * asking "why did this caller wait".
 *
 * @param path       how the caller went through the menus: {@code new}, {@code returning},
 *                   {@code key0-at-once} (0 during the welcome), {@code key0-in-prompt} (0 later,
 *                   in any prompt or menu), {@code no-key} (pressed nothing)
 * @param step       the last step reached: {@code welcome}, {@code menu}, {@code dialect},
 *                   {@code closed}, {@code queue}, {@code dial}, {@code fallback}
 * @param answeredAt when our script answered the caller's channel
 * @param ringingAt  when the first phone was dialed for them (a counselor's, the on-call number or
 *                   the fallback group): empty when none was
 * @param humanAt    when a human answered, from Asterisk's stamp on the Dial ({@code [hotline-answered]})
 * @param abandoned  the caller hung up before any phone was dialed for them: abandoned in the IVR at {@code step}
 * @param helpNowAt  when the caller first pressed 0 (help now), if they did
 */
public record IvrJourneyRecord(String path, String step, Instant answeredAt, Optional<Instant> ringingAt,
                               Optional<Instant> humanAt, boolean abandoned, Optional<Instant> helpNowAt) {

    /** Tenths of a second from answer to ringing, the unit the report groups by. */
    public Optional<Long> tenthsToRinging() {
        return ringingAt.map(this::tenthsSinceAnswer);
    }

    /** Tenths of a second from answer to a human. */
    public Optional<Long> tenthsToHuman() {
        return humanAt.map(this::tenthsSinceAnswer);
    }

    /** Tenths of a second from the caller's 0 to the first phone ringing. */
    public Optional<Long> tenthsFromHelpNowToRinging() {
        return helpNowAt.flatMap(key -> ringingAt.map(ring -> tenths(key, ring)));
    }

    private long tenthsSinceAnswer(Instant at) {
        return tenths(answeredAt, at);
    }

    private static long tenths(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 100);
    }
}
