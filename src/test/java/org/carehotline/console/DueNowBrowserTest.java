package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carehotline.cases.Contact;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The pool's "due now" lists only what may be made now: a call-back asked for at night waits for the morning. */
class DueNowBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void aCallBackOutsideTheCallingWindowIsNotDueNow() throws Exception {
        // 22:30 in Shanghai, after the 09:00-21:00 calling window
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T14:30:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        Calls.answered(hotline, "13812345678");
        Contact call = hotline.lastContact("13812345678");
        hotline.followUps().requestCallback(call.caseId(), "13812345678", call.id(), hotline.clock.instant());
        try (Browser supervisor = new Browser()) {
            ConsolePages.signIn(supervisor, hotline.httpPort(), "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/followups?view=pool");
            String due = ConsolePages.textOf(supervisor, By.id("followups-due"));
            assertFalse(due.contains("13812345678") || due.contains("HL-2026"), "not due now at night: " + due);
            String upcoming = ConsolePages.textOf(supervisor, By.id("followups-upcoming"));
            assertTrue(upcoming.contains("HL-2026-000001"), "it comes up when the window opens: " + upcoming);
        }
    }
}
