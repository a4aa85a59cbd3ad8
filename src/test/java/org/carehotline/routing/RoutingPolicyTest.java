package org.carehotline.routing;

import static org.carehotline.cases.Category.CRISIS_INTERVENTION;
import static org.carehotline.cases.Category.LEGAL_ADVICE;
import static org.carehotline.cases.Category.PSYCHOLOGICAL_SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.routing.CounselorStatus.Assignment;
import org.carehotline.support.Counselors;
import org.junit.jupiter.api.Test;

/** Each routing rule deciding on its own, with everything else equal. */
class RoutingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private final List<CounselorStatus> counselors = new ArrayList<>();
    private RoutingRules rules = RoutingRules.defaults();

    /** An available counselor, idle for {@code idleMinutes}. */
    private void free(Counselors builder, int idleMinutes) {
        counselors.add(status(builder, DeviceState.NOT_INUSE, idleMinutes));
    }

    private void busy(Counselors builder) {
        counselors.add(status(builder, DeviceState.INUSE, 0));
    }

    private static CounselorStatus status(Counselors builder, DeviceState device, int idleMinutes) {
        Instant idle = NOW.minus(Duration.ofMinutes(idleMinutes));
        return new CounselorStatus(builder.build(), device, ConsoleStatus.READY, Assignment.NONE, "", idle, idle, idle, 0);
    }

    private Optional<String> choose(CallNeeds needs, int waitedSeconds) {
        return choose(needs, waitedSeconds, Set.of());
    }

    private Optional<String> choose(CallNeeds needs, int waitedSeconds, Set<String> tried) {
        return new RoutingPolicy(rules).choose(needs, Duration.ofSeconds(waitedSeconds), counselors, tried, NOW)
                .map(c -> c.status().counselor().id());
    }

    private static CallNeeds needs(Category category, String dialect, String previous) {
        return new CallNeeds(category, Optional.ofNullable(dialect), category == CRISIS_INTERVENTION,
                Optional.ofNullable(previous));
    }

    @Test
    void skillLevelZeroNeverGetsTheCategoryEvenWhenNobodyElseIsThere() {
        free(Counselors.named("zero").skill(LEGAL_ADVICE, 0).skill(PSYCHOLOGICAL_SUPPORT, 5), 60);

        assertEquals(Optional.empty(), choose(needs(LEGAL_ADVICE, null, null), 3600));
    }

    @Test
    void longestIdleWinsWhenAllElseIsEqualAndTiesGoByIdForAStableChoice() {
        free(Counselors.named("b").skill(LEGAL_ADVICE, 3), 10);
        free(Counselors.named("a").skill(LEGAL_ADVICE, 3), 30);
        free(Counselors.named("c").skill(LEGAL_ADVICE, 3), 30);

        assertEquals(Optional.of("a"), choose(needs(LEGAL_ADVICE, null, null), 0));
    }

    @Test
    void higherSkillLevelBeatsLongerIdle() {
        free(Counselors.named("junior").skill(LEGAL_ADVICE, 2), 60);
        free(Counselors.named("senior").skill(LEGAL_ADVICE, 5), 1);

        assertEquals(Optional.of("senior"), choose(needs(LEGAL_ADVICE, null, null), 0));
        rules = new RoutingRules(true, 60, true, false, 2, 90, 180, 600, 30, 2, 60, 60, true);
        assertEquals(Optional.of("junior"), choose(needs(LEGAL_ADVICE, null, null), 0), "rule switched off");
    }

    @Test
    void minimumSkillLevelHoldsUntilTheWaitWidens() {
        free(Counselors.named("novice").skill(PSYCHOLOGICAL_SUPPORT, 1), 60);
        busy(Counselors.named("expert").skill(PSYCHOLOGICAL_SUPPORT, 4));

        assertEquals(Optional.empty(), choose(needs(PSYCHOLOGICAL_SUPPORT, null, null), 179));
        assertEquals(Optional.of("novice"), choose(needs(PSYCHOLOGICAL_SUPPORT, null, null), 180));
    }

    @Test
    void minimumSkillLevelDoesNotHoldWhenNobodySignedInReachesIt() {
        free(Counselors.named("novice").skill(PSYCHOLOGICAL_SUPPORT, 1), 60);

        assertEquals(Optional.of("novice"), choose(needs(PSYCHOLOGICAL_SUPPORT, null, null), 0));
    }

    @Test
    void aCounselorSpeakingTheCallersDialectComesBeforeLongerIdleAndHigherSkill() {
        free(Counselors.named("mandarin").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("mandarin"), 60);
        free(Counselors.named("henan").skill(PSYCHOLOGICAL_SUPPORT, 2).dialects("mandarin", "henan"), 1);

        assertEquals(Optional.of("henan"), choose(needs(PSYCHOLOGICAL_SUPPORT, "henan", null), 0));
    }

    @Test
    void theDialectIsRequiredUntilTheWaitWidensWhileASpeakerIsSignedIn() {
        free(Counselors.named("mandarin").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("mandarin"), 60);
        busy(Counselors.named("cantonese").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("cantonese"));

        assertEquals(Optional.empty(), choose(needs(PSYCHOLOGICAL_SUPPORT, "cantonese", null), 89));
        assertEquals(Optional.of("mandarin"), choose(needs(PSYCHOLOGICAL_SUPPORT, "cantonese", null), 90));
    }

    @Test
    void nobodyWaitsForADialectNoSignedInCounselorSpeaks() {
        free(Counselors.named("mandarin").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("mandarin"), 60);

        assertEquals(Optional.of("mandarin"), choose(needs(PSYCHOLOGICAL_SUPPORT, "sichuanese", null), 0));
    }

    @Test
    void thePreviousCounselorComesFirst() {
        free(Counselors.named("other").skill(PSYCHOLOGICAL_SUPPORT, 5).dialects("henan"), 60);
        free(Counselors.named("previous").skill(PSYCHOLOGICAL_SUPPORT, 2), 1);

        assertEquals(Optional.of("previous"), choose(needs(PSYCHOLOGICAL_SUPPORT, "henan", "previous"), 0));
    }

    @Test
    void aCallWaitsForItsBusyPreviousCounselorForAWhileThenTakesAnother() {
        free(Counselors.named("other").skill(PSYCHOLOGICAL_SUPPORT, 5), 60);
        busy(Counselors.named("previous").skill(PSYCHOLOGICAL_SUPPORT, 5));

        assertEquals(Optional.empty(), choose(needs(PSYCHOLOGICAL_SUPPORT, null, "previous"), 59));
        assertEquals(Optional.of("other"), choose(needs(PSYCHOLOGICAL_SUPPORT, null, "previous"), 60));
        rules = new RoutingRules(false, 60, true, true, 2, 90, 180, 600, 30, 2, 60, 60, true);
        assertEquals(Optional.of("other"), choose(needs(PSYCHOLOGICAL_SUPPORT, null, "previous"), 0),
                "continuity switched off");
    }

    @Test
    void nobodyWaitsForAPreviousCounselorWhoIsOffline() {
        free(Counselors.named("other").skill(PSYCHOLOGICAL_SUPPORT, 5), 60);
        counselors.add(status(Counselors.named("previous").skill(PSYCHOLOGICAL_SUPPORT, 5), DeviceState.UNAVAILABLE,
                0));

        assertEquals(Optional.of("other"), choose(needs(PSYCHOLOGICAL_SUPPORT, null, "previous"), 0));
    }

    @Test
    void crisesGoOnlyToCrisisCounselorsWhileOneIsSignedIn() {
        free(Counselors.named("psy").skill(PSYCHOLOGICAL_SUPPORT, 5), 60);
        busy(Counselors.named("crisis").skill(CRISIS_INTERVENTION, 1));

        assertEquals(Optional.empty(), choose(needs(CRISIS_INTERVENTION, null, null), 0));
        counselors.removeIf(s -> s.counselor().id().equals("crisis"));
        assertEquals(Optional.of("psy"), choose(needs(CRISIS_INTERVENTION, null, null), 0),
                "with no crisis counselor signed in, a psychological-support counselor takes it");
    }

    @Test
    void urgentCallsSkipTheDialectAndLevelRequirements() {
        free(Counselors.named("crisis1").skill(CRISIS_INTERVENTION, 1).dialects("mandarin"), 60);
        busy(Counselors.named("crisis5").skill(CRISIS_INTERVENTION, 5).dialects("henan"));

        assertEquals(Optional.of("crisis1"), choose(needs(CRISIS_INTERVENTION, "henan", null), 0));
    }

    @Test
    void counselorsAlreadyTriedForTheCallAreSkipped() {
        free(Counselors.named("a").skill(LEGAL_ADVICE, 3), 60);
        free(Counselors.named("b").skill(LEGAL_ADVICE, 3), 1);

        assertEquals(Optional.of("b"), choose(needs(LEGAL_ADVICE, null, null), 0, Set.of("a")));
    }

    @Test
    void pausedWrappingUpRingingAndSignedOutCounselorsAreNotOffered() {
        Instant idle = NOW.minusSeconds(600);
        counselors.add(new CounselorStatus(Counselors.named("paused").skill(LEGAL_ADVICE, 5).build(),
                DeviceState.NOT_INUSE, ConsoleStatus.paused("break"), Assignment.NONE, "", idle, idle, idle, 0));
        counselors.add(new CounselorStatus(Counselors.named("wrapping").skill(LEGAL_ADVICE, 5).build(),
                DeviceState.NOT_INUSE, ConsoleStatus.READY, Assignment.NONE, "", idle, NOW.plusSeconds(5), idle, 0));
        counselors.add(new CounselorStatus(Counselors.named("ringing").skill(LEGAL_ADVICE, 5).build(),
                DeviceState.NOT_INUSE, ConsoleStatus.READY, Assignment.RINGING, "call-1", idle, idle, idle, 0));
        counselors.add(new CounselorStatus(Counselors.named("out").skill(LEGAL_ADVICE, 5).build(),
                DeviceState.NOT_INUSE, ConsoleStatus.SIGNED_OUT, Assignment.NONE, "", idle, idle, idle, 0));

        assertEquals(Optional.empty(), choose(needs(LEGAL_ADVICE, null, null), 0));
        assertEquals(List.of(PresenceState.PAUSED, PresenceState.WRAP_UP, PresenceState.RINGING,
                PresenceState.OFFLINE), counselors.stream().map(s -> s.state(NOW)).toList());
    }

    @Test
    void theChoiceSaysWhyInWordsASupervisorCanRead() {
        free(Counselors.named("henan").skill(PSYCHOLOGICAL_SUPPORT, 4).dialects("henan"), 5);
        busy(Counselors.named("x").skill(PSYCHOLOGICAL_SUPPORT, 4).dialects("mandarin"));

        String reason = new RoutingPolicy(rules).choose(needs(PSYCHOLOGICAL_SUPPORT, "henan", null), Duration.ZERO,
                counselors, Set.of(), NOW).orElseThrow().reason();
        assertTrue(reason.contains("speaks henan"), reason);
        assertTrue(reason.contains("PSYCHOLOGICAL_SUPPORT level 4"), reason);
    }

    private boolean dialectCouldMatter(Category category) {
        return new RoutingPolicy(rules).dialectCouldMatter(needs(category, null, null),
                List.of("mandarin", "cantonese", "sichuanese"), counselors, NOW);
    }

    @Test
    void dialectMenuMattersOnlyWhenTheAnswerLeavesDifferentCounselors() {
        free(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 3).dialects("mandarin"), 5);
        free(Counselors.named("b").skill(PSYCHOLOGICAL_SUPPORT, 3).dialects("mandarin"), 5);
        assertEquals(false, dialectCouldMatter(PSYCHOLOGICAL_SUPPORT), "everyone speaks only mandarin");

        busy(Counselors.named("c").skill(PSYCHOLOGICAL_SUPPORT, 3).dialects("mandarin", "cantonese"));
        assertEquals(true, dialectCouldMatter(PSYCHOLOGICAL_SUPPORT), "cantonese leaves only c, busy or not");
    }

    @Test
    void dialectOfACounselorWithoutTheSkillChangesNothing() {
        free(Counselors.named("a").skill(LEGAL_ADVICE, 3).dialects("mandarin"), 5);
        free(Counselors.named("b").skill(PSYCHOLOGICAL_SUPPORT, 3).skill(LEGAL_ADVICE, 0).dialects("cantonese"), 5);

        assertEquals(false, dialectCouldMatter(LEGAL_ADVICE), "only a can take legal advice");
        assertEquals(false, dialectCouldMatter(PSYCHOLOGICAL_SUPPORT), "only b can take support");
    }

    @Test
    void dialectNeverMattersWhenRoutingIgnoresIt() {
        free(Counselors.named("a").skill(PSYCHOLOGICAL_SUPPORT, 3).dialects("mandarin"), 5);
        free(Counselors.named("b").skill(PSYCHOLOGICAL_SUPPORT, 3).dialects("cantonese"), 5);
        assertEquals(true, dialectCouldMatter(PSYCHOLOGICAL_SUPPORT));

        rules = new RoutingRules(true, 60, false, true, 2, 0, 180, 600, 30, 2, 60, 60, true);
        assertEquals(false, dialectCouldMatter(PSYCHOLOGICAL_SUPPORT));
    }
}
