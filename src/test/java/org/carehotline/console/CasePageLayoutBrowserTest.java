package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The case page of a call that rings now, at 1366×768: the caller's profile, the risk and the
 * note box are in the first screen; the timeline is newest first and wide enough to read. Also
 * takes the desk's, the case page's and the board's screenshots at 1366×768 and 1920×1080.
 */
class CasePageLayoutBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void theCallsEssentialsAreInTheFirstScreen() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        Calls.answered(hotline, "13812345678");
        String caseId = hotline.lastContact("13812345678").caseId();
        String base = "http://127.0.0.1:" + hotline.httpPort();
        try (Browser wang = CardFollowsCallBrowserTest.deskOfWang(hotline); Browser supervisor = new Browser()) {
            wang.driver.get(base + "/cases/" + caseId);
            for (String text : List.of("第一条记录：司机说路上被困，已经两天没有联系上家里。", "第二条记录：约好明天上午再打过去。")) {
                wang.driver.findElement(By.id("note-text")).sendKeys(text);
                ConsolePages.submit(wang, By.id("save-note"));
                hotline.clock.advance(java.time.Duration.ofMinutes(1));
            }
            wang.driver.get(base + "/");
            ConsolePages.awaitLive(wang);
            hotline.clock.advance(java.time.Duration.ofMinutes(10));
            FakeAgiCall again = hotline.call("13812345678");
            Calls.untilDial(again, '1');
            ConsolePages.awaitText(wang, By.id("card-phone"), "13812345678");
            ConsolePages.signIn(supervisor, hotline.httpPort(), "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get(base + "/board");
            shoot(wang, "desk-ringing");
            shoot(supervisor, "board-ringing");

            wang.driver.manage().window().setSize(new Dimension(1366, 768));
            ConsolePages.submit(wang, By.id("card-case"));
            JavascriptExecutor js = (JavascriptExecutor) wang.driver;
            long viewport = ((Number) js.executeScript("return window.innerHeight")).longValue();
            for (String id : List.of("profile-name", "save-profile", "risk-form", "save-risk", "note-text", "save-note")) {
                WebElement e = wang.driver.findElement(By.id(id));
                long bottom = e.getRect().getY() + e.getRect().getHeight();
                assertTrue(bottom <= viewport, id + " ends at " + bottom + " px, below the first screen of " + viewport);
            }
            List<WebElement> rows = wang.driver.findElements(By.cssSelector("#timeline tr.timeline-entry"));
            assertTrue(rows.get(0).getText().contains("进行中"), "the call ringing now on top: " + rows.get(0).getText());
            rows = wang.driver.findElements(By.cssSelector("#timeline tr.timeline-note"));
            assertTrue(rows.get(0).getText().contains("第二条记录"), "newest first: " + rows.get(0).getText());
            WebElement detail = rows.get(0).findElements(By.tagName("td")).get(2);
            assertTrue(detail.getRect().getWidth() >= 330, "a note's column is " + detail.getRect().getWidth() + " px");
            shoot(wang, "case-during-call");
            Calls.answerAndFinish(again, hotline.clock, 20);
        }
    }

    /** The page at 1366×768 and at 1920×1080 (full page height), under target/screenshots. */
    private static void shoot(Browser browser, String name) {
        browser.driver.manage().window().setSize(new Dimension(1920, 1080));
        browser.screenshot(name + "-1920x1080");
        browser.driver.manage().window().setSize(new Dimension(1366, 768));
        browser.screenshot(name + "-1366x768");
    }
}
