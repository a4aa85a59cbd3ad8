package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CareCase;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.Credentials;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.support.Screens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue #12 item 5 and the smaller findings, in real browsers: one header with reports and the
 * registry import on every page, "saved" after a save, search by a counselor's name, a
 * backwards date range said so, the language switch keeping the filters, caller names in the
 * results, 未分配, no duplicate "myself", lock and unlock, the 404 page, the favicon, the demo referrer.
 */
class NavigationBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void reportsAndImportShareTheHeaderAndSavesAreConfirmed() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T02:00:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        String base = "http://127.0.0.1:" + hotline.httpPort();
        try (Browser wang = new Browser(); Browser supervisor = new Browser()) {
            ConsolePages.signIn(wang, hotline.httpPort(), "wang.fang", AccountBootstrap.DEMO_PASSWORD);
            Calls.answered(hotline, "13912345678");
            CareCase answered = hotline.cases().findById(hotline.lastContact("13912345678").caseId()).orElseThrow();

            // saving the profile and the problem says so
            wang.driver.get(base + "/cases/" + answered.id());
            wang.driver.findElement(By.id("profile-name")).sendKeys("张师傅");
            ConsolePages.submit(wang, By.id("save-profile"));
            assertEquals("来电者资料已保存。", ConsolePages.textOf(wang, By.id("flash")));
            wang.driver.findElement(By.id("describe-presentingProblem")).sendKeys("工资被拖欠三个月");
            ConsolePages.submit(wang, By.id("save-describe"));
            assertEquals("个案内容已保存。", ConsolePages.textOf(wang, By.id("flash")));
            wang.driver.navigate().refresh();
            assertTrue(wang.driver.findElements(By.id("flash")).isEmpty(), "said once, not on every reload");
            List<String> assignees = wang.driver.findElements(By.cssSelector("#followup-assignee option")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(assignees.contains("我自己") && !assignees.contains("王芳"), assignees.toString());

            // the supervisor's menu leads to reports and the import, both under the same header
            ConsolePages.signIn(supervisor, hotline.httpPort(), "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.submit(supervisor, By.id("nav-reports"));
            assertTrue(supervisor.driver.getCurrentUrl().endsWith("/reports"), supervisor.driver.getCurrentUrl());
            assertTrue(supervisor.driver.findElement(By.id("nav-board")).isDisplayed(), "the console's menu on reports");
            assertTrue(supervisor.driver.findElement(By.id("sign-out")).isDisplayed());
            Screens.atBothSizes(supervisor, "nav-reports");
            ConsolePages.submit(supervisor, By.id("nav-import"));
            assertTrue(supervisor.driver.findElement(By.id("nav-board")).isDisplayed(), "and on the import");
            assertTrue(supervisor.driver.findElement(By.id("nav-reports")).isDisplayed());
            Screens.atBothSizes(supervisor, "nav-import");

            // search: by the counselor's name, with the caller's name in the results
            supervisor.driver.get(base + "/cases?counselor=王芳");
            List<WebElement> rows = supervisor.driver.findElements(By.className("case-row"));
            assertEquals(1, rows.size(), "王芳 finds her case");
            assertEquals("张师傅", rows.get(0).findElement(By.className("caller-name")).getText());
            // a backwards range is said so, the inputs kept; the language switch keeps the filters
            supervisor.driver.get(base + "/cases?from=2026-11-22&to=2026-11-01&counselor=王芳");
            assertTrue(ConsolePages.textOf(supervisor, By.id("error-search-to")).contains("结束日期早于开始日期"));
            assertEquals("2026-11-01", supervisor.driver.findElement(By.id("search-to")).getDomProperty("value"));
            assertFalse(ConsolePages.textOf(supervisor, By.id("no-cases")).contains("还没有个案"));
            String switchTo = supervisor.driver.findElement(By.id("language-switch")).getDomAttribute("href");
            assertTrue(switchTo.contains("from=2026-11-22") && switchTo.contains("to=2026-11-01")
                    && switchTo.endsWith("lang=en"), switchTo);
            supervisor.driver.findElement(By.id("language-switch")).click();
            assertEquals("2026-11-22", ConsolePages.await(supervisor, By.id("search-from")).getDomProperty("value"));
            assertEquals("en", supervisor.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            supervisor.driver.get(base + "/cases?lang=zh");
            Screens.atBothSizes(supervisor, "nav-cases");
        }
    }

    @Test
    void theSmallerThingsTheWalkThroughFound() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T02:00:00Z"), Map.of());
        String base = "http://127.0.0.1:" + hotline.httpPort();
        CareCase unassigned = hotline.cases().open("", "13700009999", Instant.parse("2026-11-22T01:00:00Z"));
        Credentials credentials = new Credentials(hotline.app.store());
        for (int i = 0; i < Credentials.MAX_FAILURES; i++) {
            credentials.recordFailure("chen.jing", hotline.clock.instant());
        }
        try (Browser admin = new Browser(); Browser referrer = new Browser()) {
            ConsolePages.signIn(admin, hotline.httpPort(), "admin", "admin-pw-1");
            admin.driver.get(base + "/cases/" + unassigned.id());
            assertEquals("未分配", ConsolePages.textOf(admin, By.id("case-owner")));

            admin.driver.get(base + "/admin/counselors");
            assertTrue(ConsolePages.textOf(admin, By.id("locked-chen.jing")).contains("锁定至"));
            Screens.atBothSizes(admin, "accounts-locked");
            ConsolePages.submit(admin, By.id("unlock-chen.jing"));
            assertTrue(ConsolePages.textOf(admin, By.id("flash")).contains("已解锁"));
            assertTrue(admin.driver.findElements(By.id("locked-chen.jing")).isEmpty());
            assertFalse(credentials.find("chen.jing").orElseThrow().lockedAt(hotline.clock.instant()));
            admin.driver.get(base + "/audit");
            assertTrue(ConsolePages.textOf(admin, By.id("audit")).contains("解锁账号"), "the unlock is audited");

            admin.driver.get(base + "/no/such/page");
            assertEquals("找不到", ConsolePages.textOf(admin, By.tagName("h1")));
            assertTrue(admin.driver.findElement(By.id("sign-out")).isDisplayed(), "the 404 page is in the layout");
            Screens.atBothSizes(admin, "not-found");
            String icon = (String) ((JavascriptExecutor) admin.driver).executeAsyncScript("var done = arguments[0];"
                    + "fetch('/favicon.ico').then(r => done(r.status + ' ' + r.headers.get('content-type')));");
            assertEquals("200 image/svg+xml", icon);

            ConsolePages.signIn(referrer, hotline.httpPort(), "zhang.union", AccountBootstrap.DEMO_PASSWORD);
            assertEquals("张干事", ConsolePages.textOf(referrer, By.id("who")), "the demo referrer signs in");
            assertTrue(referrer.driver.findElements(By.id("nav-reports")).isEmpty(), "no reports for a referrer");
        }
    }
}
