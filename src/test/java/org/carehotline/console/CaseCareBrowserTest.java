package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CareCase;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.emergency.EmergencyContactRepository;
import org.carehotline.emergency.EmergencyResult;
import org.carehotline.onward.OnwardReferral;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.onward.OnwardStatus;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In real browsers: a counselor records an onward referral and moves it on, rates the risk
 * imminent, records a call to 110 in the emergency record that appears at the top of the case,
 * and finds all of it on the timeline in order; the supervisor's board is alerted.
 */
class CaseCareBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void anOnwardReferralAndAnEmergencyContactReachTheTimeline() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z");
        RunningHotline hotline = servers.start(clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        Calls.answered(hotline, "13500008888");
        CareCase careCase = hotline.cases().recent(1).get(0);
        String base = "http://127.0.0.1:" + hotline.httpPort();
        OnwardReferralRepository referrals = new OnwardReferralRepository(hotline.app.store());
        try (Browser counselor = new Browser(); Browser supervisor = new Browser()) {
            ConsolePages.signIn(supervisor, hotline.httpPort(), "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get(base + "/board");
            ConsolePages.awaitLive(supervisor);
            ConsolePages.signIn(counselor, hotline.httpPort(), "wang.fang", AccountBootstrap.DEMO_PASSWORD);

            clock.advance(Duration.ofMinutes(5));
            counselor.driver.get(base + "/cases/" + careCase.id());
            ConsolePages.await(counselor, By.id("onward-none"));
            assertTrue(counselor.driver.findElements(By.id("emergency")).isEmpty(), "no emergency record without risk");
            new Select(counselor.driver.findElement(By.id("onward-kind"))).selectByValue("LEGAL_AID");
            counselor.driver.findElement(By.id("onward-organisation")).sendKeys("市法律援助中心 张律师");
            counselor.driver.findElement(By.id("onward-note")).sendKeys("欠薪三个月，需要仲裁");
            ConsolePages.submit(counselor, By.id("save-onward"));
            WebElement referral = ConsolePages.await(counselor, By.cssSelector(".onward-referral"));
            assertEquals("SUGGESTED", referral.getDomAttribute("data-status"));
            OnwardReferral saved = referrals.forCase(careCase.id()).get(0);
            assertEquals("referral-" + saved.id(), referral.getDomAttribute("id"));

            clock.advance(Duration.ofMinutes(2));
            counselor.driver.findElement(By.id("onward-" + saved.id() + "-note")).sendKeys("已约周三面谈");
            ConsolePages.submit(counselor, By.id("onward-" + saved.id() + "-make"));
            ConsolePages.awaitText(counselor, By.cssSelector("#referral-" + saved.id() + " .onward-status"), "已转介");
            assertTrue(counselor.driver.findElements(By.id("onward-" + saved.id() + "-make")).isEmpty(),
                    "a made referral cannot be made again");
            assertEquals(OnwardStatus.MADE, referrals.forCase(careCase.id()).get(0).status());
            counselor.screenshot("case-onward-referral");

            clock.advance(Duration.ofMinutes(2));
            counselor.driver.findElement(By.id("risk-thoughts")).click();
            counselor.driver.findElement(By.id("risk-plan")).click();
            counselor.driver.findElement(By.id("risk-means")).click();
            new Select(counselor.driver.findElement(By.id("risk-timeframe"))).selectByValue("TODAY");
            assertEquals("IMMINENT", new Select(counselor.driver.findElement(By.id("risk-level")))
                    .getFirstSelectedOption().getDomAttribute("value"), "the answers call for imminent");
            ConsolePages.submit(counselor, By.id("save-risk"));
            ConsolePages.await(counselor, By.id("emergency-form"));
            assertTrue(counselor.driver.findElement(By.id("emergency")).getLocation().getY()
                    < counselor.driver.findElement(By.id("profile")).getLocation().getY(), "at the top of the case");
            assertEquals("2026-11-22 10:09", counselor.driver.findElement(By.id("emergency-at")).getDomProperty("value"),
                    "the time defaults to now in the hotline's zone");

            new Select(counselor.driver.findElement(By.id("emergency-party"))).selectByValue("POLICE_110");
            counselor.driver.findElement(By.id("emergency-contact")).sendKeys("高速交警");
            new Select(counselor.driver.findElement(By.id("emergency-result"))).selectByValue("DISPATCHED");
            counselor.driver.findElement(By.id("emergency-detail")).sendKeys("民警已到服务区");
            ConsolePages.submit(counselor, By.id("save-emergency"));
            WebElement entry = ConsolePages.await(counselor, By.cssSelector(".emergency-entry"));
            assertTrue(entry.getText().contains("报警 110") && entry.getText().contains("已出警")
                    && entry.getText().contains("王芳"), entry.getText());
            assertEquals(EmergencyResult.DISPATCHED, new EmergencyContactRepository(hotline.app.store())
                    .forCase(careCase.id()).get(0).result());
            counselor.screenshot("case-emergency-record");

            ConsolePages.awaitText(supervisor, By.id("crisis-text"), "已记录紧急联络");
            assertTrue(ConsolePages.textOf(supervisor, By.id("crisis-text")).contains(careCase.number()));
            supervisor.screenshot("board-emergency-alert");

            String timeline = ConsolePages.textOf(counselor, By.id("timeline"));
            // newest first, each entry's own texts in their order
            List<String> inOrder = List.of("紧急联络 · 报警 110 · 已出警", "高速交警 — 民警已到服务区", "风险评估 · 紧急",
                    "对外转介 · 法律援助 · 已转介", "已约周三面谈", "对外转介 · 法律援助 · 已建议", "欠薪三个月", "来电");
            int at = -1;
            for (String item : inOrder) {
                int next = timeline.indexOf(item, at + 1);
                assertTrue(next > at, item + " after the previous entry in:\n" + timeline);
                at = next;
            }
            assertEquals(2, counselor.driver.findElements(By.cssSelector("tr.timeline-onward")).size());
            assertEquals(1, counselor.driver.findElements(By.cssSelector("tr.timeline-emergency")).size());
        }
    }
}
