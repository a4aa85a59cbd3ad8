package org.carehotline.followups;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The follow-up rules, each configurable (keys {@code followups.*}).
 *
 * @param zone            the hotline's zone: a worker's zone when their own is not known
 * @param window          the hotline's daily calling window, in the worker's zone
 * @param maxAttempts     attempts at the worker's phone before a follow-up is closed or escalated
 * @param retryDelays     after each non-final outcome, how long before the next attempt
 * @param lease           how long a claim holds before another instance may take the follow-up over
 * @param callLease       the lease once the counselor answered (covers the conversation)
 * @param counselorWait   how often a claimed follow-up looks again for its counselor while they are busy
 * @param ownerGrace      how long past the due time a counselor's own follow-up waits for them before going to the pool
 * @param workerRingSeconds how long the worker's phone rings
 * @param counselorRingSeconds how long the counselor's phone rings for a follow-up
 * @param callerId        the number the worker sees (empty: the trunk's default)
 * @param plans           the configured plans
 */
public record FollowUpRules(
        ZoneId zone,
        TimeRange window,
        int maxAttempts,
        Map<Outcome, Duration> retryDelays,
        Duration lease,
        Duration callLease,
        Duration counselorWait,
        Duration ownerGrace,
        int workerRingSeconds,
        int counselorRingSeconds,
        String callerId,
        List<FollowUpPlan> plans) {

    public FollowUpRules {
        retryDelays = Map.copyOf(retryDelays);
        plans = List.copyOf(plans);
    }

    /** The built-in plans: after a crisis (+24 h, +72 h, +7 days) and hardship pairing (3 contacts a quarter). */
    public static final String DEFAULT_PLANS = "after-crisis=24h,72h,7d;hardship-pairing=30d,60d,89d";

    /** The defaults of hotline-defaults.properties, for tests and tools. */
    public static FollowUpRules defaults() {
        Map<Outcome, Duration> delays = new EnumMap<>(Outcome.class);
        delays.put(Outcome.NO_ANSWER, Duration.ofHours(2));
        delays.put(Outcome.BUSY, Duration.ofMinutes(20));
        delays.put(Outcome.FAILED, Duration.ofHours(1));
        delays.put(Outcome.COUNSELOR_NO_ANSWER, Duration.ofMinutes(5));
        delays.put(Outcome.NOT_DIALED, Duration.ofMinutes(1));
        delays.put(Outcome.CHECKIN_NO_RESPONSE, Duration.ofHours(3));
        delays.put(Outcome.SURVEY_NO_RESPONSE, Duration.ofHours(3));
        return new FollowUpRules(ZoneId.of("Asia/Shanghai"), TimeRange.parse("09:00-21:00"), 4, delays,
                Duration.ofMinutes(2), Duration.ofHours(4), Duration.ofSeconds(30), Duration.ofHours(2), 40, 20, "",
                FollowUpPlan.parseAll(DEFAULT_PLANS));
    }

    public Duration retryDelay(Outcome outcome) {
        return retryDelays.getOrDefault(outcome, Duration.ofHours(1));
    }

    public Optional<FollowUpPlan> plan(String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public FollowUpRules withZone(ZoneId newZone) {
        return new FollowUpRules(newZone, window, maxAttempts, retryDelays, lease, callLease, counselorWait, ownerGrace,
                workerRingSeconds, counselorRingSeconds, callerId, plans);
    }
}
