package org.carehotline.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.cases.Category;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.Role;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.CallNeeds;
import org.carehotline.routing.CallWaker;
import org.carehotline.routing.CounselorStatus;
import org.carehotline.routing.DeviceState;
import org.carehotline.routing.QueueTicket;
import org.carehotline.routing.Router;
import org.carehotline.routing.RoutingRules;

/**
 * The router alone, in this JVM, with the benchmark's numbers of waiting calls and
 * counselors: what the routing decision itself costs, without AGI, AMI or the database.
 * Times the calls the server makes under its one lock: a call joining the queue, a counselor
 * becoming free (the match), the per-slice checks of every waiting session, and a tick while a
 * counselor is free whom no waiting call can use (every waiting call is then examined).
 */
final class RouterProbe {

    private RouterProbe() {
    }

    static List<String> run(int waiting, int counselorCount) {
        RoutingRules defaults = RoutingRules.defaults();
        RoutingRules rules = new RoutingRules(defaults.preferPreviousCounselor(),
                defaults.previousCounselorWaitSeconds(), defaults.preferDialect(), defaults.preferHigherSkill(),
                defaults.minSkillLevel(), defaults.widenDialectAfterSeconds(), defaults.widenSkillAfterSeconds(),
                7200, 0, defaults.maxConsecutiveMisses(), defaults.missedRetrySeconds(),
                defaults.ringingTimeoutSeconds(), false);
        Router router = new Router(Clock.systemUTC(), rules, CallWaker.NONE, LiveFeed.NONE);
        List<Counselor> roster = new ArrayList<>();
        for (int i = 0; i < counselorCount; i++) {
            roster.add(new Counselor("c" + i, "c" + i, "C " + i, Set.of(Role.COUNSELOR),
                    SimulatedCounselors.endpoint(i), Map.of(Category.PSYCHOLOGICAL_SUPPORT, 3), List.of("mandarin"),
                    true));
        }
        Counselor lawyer = new Counselor("lawyer", "lawyer", "Lawyer", Set.of(Role.LAWYER), "PJSIP/6999",
                Map.of(Category.LEGAL_ADVICE, 5), List.of("mandarin"), true);
        roster.add(lawyer);
        router.setCounselors(roster);
        for (int i = 0; i < counselorCount; i++) {
            router.deviceStateChanged(SimulatedCounselors.endpoint(i), DeviceState.INUSE);
        }
        router.deviceStateChanged(lawyer.endpoint(), DeviceState.INUSE);
        CallNeeds needs = new CallNeeds(Category.PSYCHOLOGICAL_SUPPORT, Optional.empty(), false, Optional.empty());

        LatencyRecorder enqueue = new LatencyRecorder("enqueue, nobody free", waiting);
        List<QueueTicket> tickets = new ArrayList<>();
        long n = 0;
        for (int i = 0; i < waiting; i++) {
            long t = System.nanoTime();
            tickets.add(router.enqueue("call-" + n, "PJSIP/trunk-" + n, needs));
            enqueue.record(System.nanoTime() - t);
            n++;
        }
        // the checks every waiting session makes once per wait slice
        LatencyRecorder slice = new LatencyRecorder("per-slice checks (takeOffer, waited, servable)", waiting);
        LatencyRecorder announce = new LatencyRecorder("announcement (position, expected wait)", waiting);
        for (QueueTicket ticket : tickets) {
            long t = System.nanoTime();
            ticket.takeOffer();
            ticket.waited();
            ticket.servable();
            long t2 = System.nanoTime();
            ticket.position();
            ticket.expectedWaitSeconds();
            slice.record(t2 - t);
            announce.record(System.nanoTime() - t2);
        }
        // counselors come back (AMI NOT_INUSE), then their calls end one after another: each is a match
        LatencyRecorder back = new LatencyRecorder("device NOT_INUSE -> offer (match)", counselorCount);
        for (int c = 0; c < counselorCount; c++) {
            long t = System.nanoTime();
            router.deviceStateChanged(SimulatedCounselors.endpoint(c), DeviceState.NOT_INUSE);
            back.record(System.nanoTime() - t);
            router.enqueue("call-" + n, "PJSIP/trunk-" + n, needs);
            n++;
        }
        int rounds = Math.min(5000, Math.max(1000, counselorCount * 5));
        LatencyRecorder free = new LatencyRecorder("call ended -> offer (callEnded + match)", rounds);
        for (int i = 0; i < rounds; i++) {
            String counselor = "c" + (i % counselorCount);
            // the call the counselor is held for (looked up outside the timed part)
            String heldFor = router.snapshot().stream().filter(s -> s.counselor().id().equals(counselor))
                    .map(CounselorStatus::callKey).findFirst().orElse("");
            long t = System.nanoTime();
            router.callEnded(counselor, heldFor, Duration.ofSeconds(60));
            free.record(System.nanoTime() - t);
            router.enqueue("call-" + n, "PJSIP/trunk-" + n, needs);
            n++;
        }
        // the lawyer is free, nobody waiting needs legal advice: every match examines every waiting call
        router.deviceStateChanged(lawyer.endpoint(), DeviceState.NOT_INUSE);
        LatencyRecorder tick = new LatencyRecorder("tick, 1 free counselor nobody waiting can use", 20);
        LatencyRecorder enqueueScan = new LatencyRecorder("enqueue, same situation", 20);
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            router.tick();
            tick.record(System.nanoTime() - t);
            t = System.nanoTime();
            router.enqueue("call-" + n, "PJSIP/trunk-" + n, needs);
            enqueueScan.record(System.nanoTime() - t);
            n++;
        }
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "  %-50s %7s %9s %9s %9s %9s", "router alone (microseconds, " + waiting
                + " waiting, " + counselorCount + " counselors)", "n", "p50", "p99", "max", "mean"));
        for (LatencyRecorder r : List.of(enqueue, slice, announce, back, free, tick, enqueueScan)) {
            LatencyRecorder.Summary s = r.summary();
            rows.add(String.format(Locale.ROOT, "  %-50s %7d %9.1f %9.1f %9.1f %9.1f", s.name(), s.count(),
                    s.p50Ms() * 1000, s.p99Ms() * 1000, s.maxMs() * 1000, s.meanMs() * 1000));
        }
        return rows;
    }
}
