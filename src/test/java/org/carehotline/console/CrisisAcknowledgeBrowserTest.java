package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A crisis banner stays on the supervisors' and the ringing counselor's screens, across reloads,
 * is raised again while nobody acknowledges it, and goes from every screen when a supervisor
 * does; who and when is on the case timeline and in the audit log.
 */
class CrisisAcknowledgeBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void theBannerStaysUntilASupervisorAcknowledgesIt() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"),
                Map.of("PJSIP/6001", "NOT_INUSE"), "--alerts.reraise-after-seconds=10");
        int port = hotline.httpPort();
        try (Browser supervisor = new Browser(); Browser admin = new Browser();
             Browser wang = CardFollowsCallBrowserTest.deskOfWang(hotline)) {
            ConsolePages.signIn(supervisor, port, "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.signIn(admin, port, "admin", "admin-pw-1");
            ConsolePages.awaitLive(supervisor);
            ConsolePages.awaitLive(admin);

            FakeAgiCall call = hotline.call("13700001234");
            Calls.untilDial(call, '0');
            String number = "HL-2026-000001";
            ConsolePages.awaitText(supervisor, By.id("crisis-text"), number);
            ConsolePages.awaitText(wang, By.id("crisis-text"), number);
            Calls.answerAndFinish(call, hotline.clock, 60);

            // across reloads, on every page
            supervisor.driver.get("http://127.0.0.1:" + port + "/board");
            ConsolePages.awaitText(supervisor, By.id("crisis-text"), number);
            wang.driver.navigate().refresh();
            ConsolePages.awaitText(wang, By.id("crisis-text"), number);
            assertTrue(wang.driver.findElements(By.cssSelector("#crisis-banner form")).isEmpty(),
                    "a counselor cannot acknowledge it");

            // nobody acknowledged it: raised again
            hotline.clock.advance(Duration.ofSeconds(11));
            ConsolePages.awaitText(admin, By.id("crisis-text"), "第 2 次提醒");
            supervisor.screenshot("crisis-reraised");

            ConsolePages.submit(supervisor, By.cssSelector("#crisis-banner form button"));
            assertEquals(port, java.net.URI.create(supervisor.driver.getCurrentUrl()).getPort());
            assertTrue(supervisor.driver.getCurrentUrl().endsWith("/board"), "back where the supervisor was");
            WebDriverWait wait = new WebDriverWait(admin.driver, ConsolePages.WAIT);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("crisis-text")));
            new WebDriverWait(wang.driver, ConsolePages.WAIT)
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("crisis-text")));
            admin.driver.navigate().refresh();
            assertTrue(admin.driver.findElements(By.id("crisis-text")).isEmpty(), "gone after a reload too");

            String caseId = hotline.lastContact("13700001234").caseId();
            supervisor.driver.get("http://127.0.0.1:" + port + "/cases/" + caseId);
            String timeline = ConsolePages.textOf(supervisor, By.id("timeline"));
            assertTrue(timeline.contains("督导已确认") && timeline.contains("孙主管"), timeline);
            admin.driver.get("http://127.0.0.1:" + port + "/audit");
            String audit = ConsolePages.textOf(admin, By.tagName("main"));
            assertTrue(audit.contains("crisis.acknowledged") && audit.contains(number), audit);
        }
    }
}
