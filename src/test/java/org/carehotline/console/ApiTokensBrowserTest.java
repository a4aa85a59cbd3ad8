package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The API token page in a real browser: from the menu, create a token (shown once), then revoke it. */
class ApiTokensBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void anAdministratorCreatesATokenSeesItOnceAndRevokesIt() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-23T02:00:00Z"), Map.of());
        try (Browser browser = new Browser()) {
            ConsolePages.signIn(browser, hotline.httpPort(), "admin", "admin-pw-1");
            browser.driver.findElement(By.id("nav-api-tokens")).click();
            ConsolePages.await(browser, By.id("token-form"));
            assertEquals("还没有令牌。", ConsolePages.textOf(browser, By.id("no-tokens")));

            ConsolePages.submit(browser, By.id("create-token"));
            assertEquals("必填", ConsolePages.textOf(browser, By.id("error-token-name")));

            browser.driver.findElement(By.id("token-name")).sendKeys("工会OA");
            browser.driver.findElement(By.id("scope-referrals-write")).click();
            browser.driver.findElement(By.id("scope-cases-read")).click();
            ConsolePages.submit(browser, By.id("create-token"));
            String secret = ConsolePages.textOf(browser, By.id("issued-secret"));
            assertTrue(secret.startsWith("cht_"), secret);
            assertTrue(ConsolePages.textOf(browser, By.id("issued")).contains("只显示这一次"));
            String row = ConsolePages.textOf(browser, By.cssSelector("tr.api-token"));
            assertTrue(row.contains("工会OA") && row.contains("cases:read") && row.contains("referrals:write")
                    && row.contains("从未使用"), row);
            browser.screenshot("api-token-created");

            browser.driver.findElement(By.id("nav-api-tokens")).click();
            ConsolePages.await(browser, By.id("token-form"));
            assertTrue(browser.driver.findElements(By.id("issued-secret")).isEmpty(), "shown once only");
            assertFalse(browser.driver.getPageSource().contains(secret));

            ConsolePages.submit(browser, By.cssSelector("tr.api-token button[id^=revoke-]"));
            assertEquals("令牌已吊销：从下一个请求起被拒绝。", ConsolePages.textOf(browser, By.id("flash")));
            assertTrue(ConsolePages.textOf(browser, By.cssSelector("tr.api-token .token-state")).startsWith("已吊销于"));
        }
    }
}
