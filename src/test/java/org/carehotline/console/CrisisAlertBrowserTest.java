package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A caller pressing 0 ("help now") alerts every signed-in supervisor at once; counselors get no banner. */
class CrisisAlertBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void helpNowShowsTheBannerOnEverySupervisorsPage() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of());
        int port = hotline.httpPort();
        try (Browser supervisor = new Browser(); Browser admin = new Browser(); Browser counselor = new Browser()) {
            ConsolePages.signIn(supervisor, port, "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get("http://127.0.0.1:" + port + "/board");
            ConsolePages.signIn(admin, port, "admin", "admin-pw-1");
            ConsolePages.signIn(counselor, port, "wang.fang", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.awaitLive(supervisor);
            ConsolePages.awaitLive(admin);
            ConsolePages.awaitLive(counselor);

            FakeAgiCall call = hotline.call("13700001234");
            call.on("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('0'))
                    .on("^SET VARIABLE", "200 result=1");
            Thread.ofVirtual().start(call::respondUntilClosed);

            String number = "HL-2026-000001";
            ConsolePages.awaitText(supervisor, By.id("crisis-text"), number);
            ConsolePages.awaitText(admin, By.id("crisis-text"), number);
            WebElement link = supervisor.driver.findElement(By.id("crisis-link"));
            assertTrue(link.getDomAttribute("href").startsWith("/cases/"), "the banner leads to the case");
            supervisor.screenshot("crisis-help-now");
            assertTrue(!counselor.driver.findElement(By.id("crisis-banner")).isDisplayed(),
                    "the alert goes to supervisors");

            admin.driver.get("http://127.0.0.1:" + port + "/admin/counselors/wang.fang");
            assertTrue("5".equals(admin.driver.findElement(By.id("account-skill.CRISIS_INTERVENTION"))
                    .getDomProperty("value")), "the account form shows her crisis skill");
            admin.screenshot("admin-account");
        }
    }
}
