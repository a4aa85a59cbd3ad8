package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path in the running server: a counselor pauses and resumes on the console, routing
 * tells the presence recorder, the recorder writes the log, and the supervisor's report shows
 * the signed-in and paused time.
 */
class OccupancyReportTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void aBreakTakenOnTheConsoleShowsInTheCounselorReport() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T01:00:00Z"); // 09:00 in Shanghai
        RunningHotline hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        ConsoleClient wang = new ConsoleClient(hotline.httpPort());
        wang.signIn("wang.fang", AccountBootstrap.DEMO_PASSWORD);

        clock.advance(Duration.ofMinutes(10));
        assertEquals(303, wang.post("/status", Map.of("_csrf", wang.csrf("/"), "action", "pause", "reason", "break"))
                .statusCode());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(303, wang.post("/status", Map.of("_csrf", wang.csrf("/"), "action", "available")).statusCode());
        clock.advance(Duration.ofMinutes(5));
        hotline.app.presence().flush();

        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        String csv = supervisor.get("/reports.csv?part=counselors&from=2026-11-22&to=2026-11-22&lang=en").body();
        List<String> lines = csv.substring(1).lines().toList();
        assertEquals("Counselor,Offers,Misses,Calls,Talk (s),Avg talk (s),Signed in (s),Available (s),On a call (s),"
                + "Wrap-up (s),Paused (s),Paused · Break (s),Occupancy (%)", lines.get(0));
        // 30 minutes signed in: 10 + 5 available (the last 5 still going, counted to now), 15 on a break
        assertEquals(List.of("王芳,0,0,0,0,,1800,900,0,0,900,900,0.0"), lines.subList(1, lines.size()));
    }
}
