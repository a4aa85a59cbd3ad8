package org.carehotline.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The retention settings in force: a period and an action per kind, whether the daily sweep
 * runs and at what hour, and the batch size of its reads and writes.
 *
 * @param enabled   whether anything is ever changed: the daily sweep and "run now" (a dry run always works)
 * @param hour      the local hour (0-23, in {@code zone}) at which the daily sweep runs
 * @param rules     a rule per kind; a period of 0 days keeps that kind for ever
 * @param batchSize records read and written per step, so that no step holds the store for long
 */
public record RetentionPolicy(boolean enabled, int hour, ZoneId zone, Map<RetentionKind, Rule> rules,
                              int batchSize) {

    /** How long a kind is kept, counted from its last change, and what happens after. */
    public record Rule(int days, RetentionAction action) {

        public boolean keepsForever() {
            return days == 0;
        }
    }

    public RetentionPolicy {
        rules = Map.copyOf(rules);
    }

    public Rule rule(RetentionKind kind) {
        return rules.get(kind);
    }

    /** Records of this kind last changed before the returned instant are past their period; empty: kept for ever. */
    public Optional<Instant> cutoff(RetentionKind kind, Instant now) {
        Rule rule = rule(kind);
        return rule.keepsForever() ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(rule.days())));
    }
}
