package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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

/** The case list and a case's timeline in a real browser, after a real (fake-Asterisk) call, in Chinese then English. */
class CasesPageBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void aCallShowsUpAsACaseWithItsContactInChineseThenEnglish() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
        hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        FakeAgiCall call = FakeAgiCall.to(hotline.agiPort).script("inbound").callerId("13812345678")
                .callerIdName("<script>alert(1)</script>").connect();
        call.on("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('1'))
                .on("DIALSTATUS", AgiReplies.variable("ANSWER"))
                .on("HOTLINE_ANSWERED_AT", AgiReplies.answeredAt(clock.instant().minusSeconds(95)))
                .on("^SET VARIABLE", "200 result=1");
        call.respondUntilClosed();

        try (Browser browser = new Browser()) {
            browser.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/cases");
            assertEquals("登录 · 职工关爱热线", browser.driver.getTitle(), "the case list is behind the sign-in");
            ConsolePages.signIn(browser, hotline.httpPort(), "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            browser.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/cases");
            assertEquals("个案 · 职工关爱热线", browser.driver.getTitle());
            List<WebElement> cases = browser.driver.findElements(By.cssSelector("tr.case-row"));
            assertEquals(1, cases.size());
            WebElement only = cases.get(0);
            assertTrue(only.getText().contains("HL-2026-000001"), only.getText());
            assertEquals("13812345678", only.findElement(By.cssSelector(".phone")).getText(),
                    "a supervisor sees the whole number");
            assertTrue(only.getText().contains("心理关爱"), only.getText());
            assertTrue(only.getText().contains("王芳"), "owned by the counselor who answered: " + only.getText());
            browser.screenshot("cases-zh");

            only.findElement(By.tagName("a")).click();
            WebElement callRow = ConsolePages.await(browser, By.cssSelector("tr.timeline-call"));
            assertTrue(callRow.getText().contains("已接听"), callRow.getText());
            assertTrue(callRow.getText().contains("1m35s"), "talk time on the timeline: " + callRow.getText());

            browser.driver.findElement(By.id("language-switch")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.cssSelector("tr.timeline-call")).getText().contains("Answered"));
            browser.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/cases");
            assertTrue(browser.driver.getTitle().startsWith("Cases"), "the session keeps the language");
            assertTrue(ConsolePages.textOf(browser, By.cssSelector("tr.case-row")).contains("Psychological support"));
            browser.screenshot("cases-en");
        }
    }
}
