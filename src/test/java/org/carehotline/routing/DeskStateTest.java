package org.carehotline.routing;

import static org.carehotline.cases.Category.LEGAL_ADVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.counselors.Counselor;
import org.carehotline.live.LiveFeed;
import org.carehotline.store.MongoStore;
import org.carehotline.support.Counselors;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registered phone alone takes no calls: the counselor says so at the desk, and that survives a restart. */
class DeskStateTest {

    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private final List<Counselor> roster = List.of(Counselors.named("a").skill(LEGAL_ADVICE, 3).build(),
            Counselors.named("b").skill(LEGAL_ADVICE, 3).build());

    private Router router(RoutingRules rules) {
        Router router = new Router(clock, rules, CallWaker.NONE, LiveFeed.NONE);
        router.setCounselors(roster);
        router.deviceStateChanged("PJSIP/a", DeviceState.NOT_INUSE);
        router.deviceStateChanged("PJSIP/b", DeviceState.NOT_INUSE);
        return router;
    }

    @Test
    void aCounselorWhoseOnlyPhoneIsRegisteredIsOfflineAndOfferedNothing() {
        Router router = router(RoutingRules.defaults());
        assertEquals(PresenceState.OFFLINE, router.states().get("a"));
        QueueTicket call = router.enqueue("c1", "PJSIP/trunk-1", CallNeeds.of(LEGAL_ADVICE));
        assertEquals(Optional.empty(), call.takeOffer());
        router.signIn("b");
        assertEquals(Optional.of("b"), call.takeOffer().map(Reservation::counselorId));
    }

    @Test
    void aLineRunWithoutTheConsoleCanLetRegisteredPhonesTakeCalls() {
        RoutingRules d = RoutingRules.defaults();
        Router router = router(new RoutingRules(d.preferPreviousCounselor(), d.previousCounselorWaitSeconds(),
                d.preferDialect(), d.preferHigherSkill(), d.minSkillLevel(), d.widenDialectAfterSeconds(),
                d.widenSkillAfterSeconds(), d.overflowAfterSeconds(), d.wrapUpSeconds(), d.maxConsecutiveMisses(),
                d.missedRetrySeconds(), d.ringingTimeoutSeconds(), false));
        assertEquals(PresenceState.AVAILABLE, router.states().get("a"));
    }

    @Test
    void whatCounselorsSetAtTheDeskIsKeptAndRestoredAfterARestart(@TempDir Path dir) {
        try (MongoStore store = TestStores.open(dir)) {
            DeskStateRepository desks = new DeskStateRepository(store);
            Router before = router(RoutingRules.defaults());
            before.onDeskChange((id, console) -> desks.save(id, console, clock.instant()));
            before.signIn("a");
            before.pause("b", "meal");

            Router after = router(RoutingRules.defaults()); // the restarted server
            after.restoreDesks(desks.all());
            assertEquals(Map.of("a", PresenceState.AVAILABLE, "b", PresenceState.PAUSED), after.states());
            assertEquals(Optional.of("meal"), after.desk("b").flatMap(ConsoleStatus::pauseReason));
            before.signOut("a");
            assertEquals(ConsoleStatus.SIGNED_OUT, desks.all().get("a"));
        }
    }
}
