package org.carehotline.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.carehotline.followups.FollowUpPlan;
import org.carehotline.followups.FollowUpRules;
import org.carehotline.followups.Outcome;
import org.carehotline.followups.SurveyRules;
import org.carehotline.followups.TimeRange;

/** Reads the {@code followups.*} keys into {@link FollowUpRules} and the scheduler's own settings. */
final class FollowUpSettings {

    private FollowUpSettings() {
    }

    static HotlineConfig.FollowUpConfig read(Settings s, ZoneId zone) {
        Map<Outcome, Duration> delays = new EnumMap<>(Outcome.class);
        delays.put(Outcome.NO_ANSWER, minutes(s, "followups.retry.no-answer-minutes"));
        delays.put(Outcome.BUSY, minutes(s, "followups.retry.busy-minutes"));
        delays.put(Outcome.FAILED, minutes(s, "followups.retry.failed-minutes"));
        delays.put(Outcome.COUNSELOR_NO_ANSWER, minutes(s, "followups.retry.counselor-no-answer-minutes"));
        delays.put(Outcome.NOT_DIALED, Duration.ofMinutes(1));
        delays.put(Outcome.CHECKIN_NO_RESPONSE, minutes(s, "followups.retry.checkin-no-response-minutes"));
        delays.put(Outcome.SURVEY_NO_RESPONSE, minutes(s, "followups.retry.checkin-no-response-minutes"));
        FollowUpRules rules = new FollowUpRules(zone, window(s), s.integer("followups.max-attempts", 1, 20), delays,
                Duration.ofSeconds(s.integer("followups.lease-seconds", 30, 3600)),
                Duration.ofMinutes(s.integer("followups.call-lease-minutes", 10, 1440)),
                Duration.ofSeconds(s.integer("followups.counselor-wait-seconds", 1, 3600)),
                Duration.ofMinutes(s.integer("followups.owner-grace-minutes", 0, 10_080)),
                s.integer("followups.worker-ring-seconds", 5, 120), s.integer("followups.counselor-ring-seconds", 5, 120),
                s.digits("followups.caller-id"), plans(s));
        return new HotlineConfig.FollowUpConfig(s.bool("followups.enabled"), rules,
                Duration.ofSeconds(s.integer("followups.poll-seconds", 1, 600)), s.integer("followups.concurrency", 1, 256),
                new SurveyRules(s.bool("surveys.enabled"), Duration.ofHours(s.integer("surveys.delay-hours", 0, 24 * 90)),
                        s.integer("surveys.max-attempts", 1, 10)));
    }

    private static Duration minutes(Settings s, String key) {
        return Duration.ofMinutes(s.integer(key, 1, 100_000));
    }

    private static TimeRange window(Settings s) {
        String value = s.string("followups.window");
        try {
            return TimeRange.parse(value);
        } catch (RuntimeException e) {
            s.fail("followups.window", value, "a daily range like 09:00-21:00");
            return TimeRange.parse("09:00-21:00");
        }
    }

    private static List<FollowUpPlan> plans(Settings s) {
        String value = s.string("followups.plans");
        try {
            return FollowUpPlan.parseAll(value);
        } catch (RuntimeException e) {
            s.fail("followups.plans", value, "plans like after-crisis=24h,72h,7d;hardship-pairing=30d,60d,89d ("
                    + e.getMessage() + ")");
            return FollowUpPlan.parseAll(FollowUpRules.DEFAULT_PLANS);
        }
    }
}
