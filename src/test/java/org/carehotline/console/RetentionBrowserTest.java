package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.CaseWork;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The retention page in a real browser, in Chinese: an administrator finds it in the navigation,
 * reads the periods in force, runs a dry run that lists the old case, then runs the sweep and
 * sees its counts under the last sweep.
 */
class RetentionBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void anAdministratorDryRunsThenSweepsFromTheRetentionPage() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of(),
                "--retention.enabled=true", "--retention.hour=23");
        Instant opened = Instant.parse("2020-01-05T02:00:00Z");
        CareCase old = new CaseRepository(hotline.app.store(), ZoneId.of("Asia/Shanghai")).open(null, "13800000021",
                opened);
        new CaseWork(hotline.app.store()).close(old.id(), "已解决", "admin", opened.plusSeconds(3600));
        try (Browser browser = new Browser()) {
            ConsolePages.signIn(browser, hotline.httpPort(), "admin", "admin-pw-1");
            browser.driver.findElement(By.id("nav-retention")).click();
            ConsolePages.await(browser, By.id("retention-rules"));
            assertTrue(ConsolePages.textOf(browser, By.id("rule-cases")).contains("最后变更后 1825 天"),
                    ConsolePages.textOf(browser, By.id("rule-cases")));
            assertTrue(ConsolePages.textOf(browser, By.id("rule-cases")).contains("匿名化"));
            assertTrue(ConsolePages.textOf(browser, By.id("retention-state")).contains("每天 23 点"));

            ConsolePages.submit(browser, By.id("retention-dry-run"));
            ConsolePages.await(browser, By.id("retention-dry-run-result"));
            assertEquals(old.number(), ConsolePages.textOf(browser, By.cssSelector("#dry-run-sample .case-number")));
            assertTrue(ConsolePages.textOf(browser, By.cssSelector("#dry-run-counts [data-count=cases]"))
                    .endsWith("1"));
            browser.screenshot("retention-dry-run");

            ConsolePages.submit(browser, By.id("retention-run"));
            assertTrue(ConsolePages.textOf(browser, By.id("flash")).contains("已执行清理"));
            assertTrue(ConsolePages.textOf(browser, By.id("retention-last-when")).contains("手动执行"));
            assertTrue(ConsolePages.textOf(browser, By.cssSelector("#last-counts [data-count=cases]")).endsWith("1"));
            browser.screenshot("retention-swept");
        }
        org.carehotline.cases.CaseFile swept = new CaseWork(hotline.app.store()).find(old.id()).orElseThrow();
        assertEquals("", swept.outcome(), "the counselor's closing words are gone");
        assertEquals("", swept.base().phone().orElse(""), "and the number");
    }
}
