package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CareCase;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpStatus;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The follow-up console in a real browser: schedule from a case page and find it on the due
 * list, the calendar, the forms' messages, reschedule, cancel and a manual outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpConsoleBrowserTest {

    @TempDir
    static Path dataDir;
    // Sunday 22 November 2026, 10:00 in Shanghai
    private final MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z");
    private RunningHotline hotline;
    private Browser browser;
    private String base;

    @BeforeAll
    void start() throws Exception {
        hotline = RunningHotline.start(dataDir, clock, Map.of("PJSIP/6001", "NOT_INUSE"));
        base = "http://127.0.0.1:" + hotline.httpPort();
        browser = new Browser();
        ConsolePages.signIn(browser, hotline.httpPort(), "wang.fang", AccountBootstrap.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        browser.close();
        hotline.close();
    }

    /** A case wang.fang answered a call on, opened in the browser. */
    private CareCase openAnsweredCase(String phone) {
        Calls.answered(hotline, phone);
        clock.advance(Duration.ofMinutes(5));
        CareCase c = hotline.cases().recent(50).stream().filter(x -> x.phone().orElse("").equals(phone)).findFirst()
                .orElseThrow();
        browser.driver.get(base + "/cases/" + c.id() + "?lang=zh");
        ConsolePages.await(browser, By.id("followup-form"));
        return c;
    }

    /** Sets a datetime-local field as its picker would. */
    private void setDateTime(By field, String value) {
        WebElement input = browser.driver.findElement(field);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    @Test
    void scheduleAFollowUpFromACasePageAndSeeItOnTheDueList() {
        CareCase c = openAnsweredCase("13700002001");
        assertEquals("2026-11-23 10:00", browser.driver.findElement(By.id("followup-dueAt")).getDomProperty("value"),
                "tomorrow morning by default");
        setDateTime(By.id("followup-dueAt"), "2026-11-22T10:05"); // now, in hotline time
        new Select(browser.driver.findElement(By.id("followup-assignee"))).selectByValue("me");
        browser.driver.findElement(By.id("followup-note")).sendKeys("封路结束了吗？");
        ConsolePages.submit(browser, By.id("schedule-followup"));
        WebElement row = ConsolePages.await(browser, By.cssSelector("#case-followups tr.followup-row"));
        assertTrue(row.getText().contains("2026-11-22 10:05") && row.getText().contains("待办"), row.getText());
        browser.screenshot("followup-case-scheduled");

        browser.driver.findElement(By.id("nav-followups")).click();
        WebElement due = ConsolePages.await(browser, By.cssSelector("#followups-due tr.followup-row"));
        assertEquals(c.number(), due.getDomAttribute("data-case"));
        String text = due.getText();
        for (String expected : List.of("13700002001", "2026-11-22 10:05", "09:00-21:00", "王芳", "咨询员回电", "0/4")) {
            assertTrue(text.contains(expected), expected + " in: " + text);
        }
        assertTrue(ConsolePages.textOf(browser, By.id("followups-upcoming")).contains("没有"),
                "due now, not upcoming");
        browser.screenshot("followups-due-list");
        due.findElement(By.tagName("a")).click();
        ConsolePages.await(browser, By.id("case-followups"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/cases/" + c.id() + "#followups"));
    }

    @Test
    void theCalendarShowsTheFollowUpOnItsDayAndHour() {
        CareCase c = openAnsweredCase("13700002002");
        setDateTime(By.id("followup-dueAt"), "2026-11-25T15:30"); // Wednesday next week
        ConsolePages.submit(browser, By.id("schedule-followup"));
        ConsolePages.await(browser, By.cssSelector("#case-followups tr.followup-row"));

        browser.driver.get(base + "/followups/calendar");
        assertEquals("2026-11-16", browser.driver.findElement(By.id("calendar")).getDomAttribute("data-week"));
        assertTrue(browser.driver.findElements(By.cssSelector("a.cal-entry")).stream()
                .noneMatch(e -> e.getText().contains(c.number())), "not this week");
        ConsolePages.submit(browser, By.id("next-week"));
        WebElement cell = browser.driver.findElement(By.cssSelector("td.cal-cell[data-day='2026-11-25'][data-hour='15']"));
        assertTrue(cell.getText().contains("15:30 " + c.number()), cell.getText());
        assertTrue(browser.driver.findElement(By.cssSelector("td.cal-cell[data-day='2026-11-24'][data-hour='15']"))
                .getText().isEmpty(), "and not on the day before");
        browser.screenshot("followups-calendar");
        browser.driver.get(base + "/followups/calendar?week=2026-11-25&lang=en"); // any day picks its week
        assertTrue(ConsolePages.textOf(browser, By.cssSelector("th[data-day='2026-11-25']")).startsWith("Wed"));
        assertTrue(browser.driver.findElement(By.cssSelector("td.cal-cell[data-day='2026-11-25'][data-hour='15']"))
                .getText().contains(c.number()));
        browser.driver.get(base + "/followups/calendar?lang=zh");
    }

    @Test
    void aWrongFormComesBackWithMessagesNextToTheFieldsAndSavesNothing() {
        CareCase c = openAnsweredCase("13700002003");
        setDateTime(By.id("followup-dueAt"), "2026-11-20T10:00");
        ((JavascriptExecutor) browser.driver).executeScript("var o = document.createElement('option');"
                + "o.value = 'someone-else'; o.text = '?'; document.getElementById('followup-assignee').add(o);");
        new Select(browser.driver.findElement(By.id("followup-assignee"))).selectByValue("someone-else");
        ConsolePages.submit(browser, By.id("schedule-followup"));
        assertTrue(ConsolePages.await(browser, By.id("error-followup-dueAt")).getText().contains("已经过去"));
        assertTrue(browser.driver.findElement(By.id("error-followup-assignee")).isDisplayed());
        assertEquals("2026-11-20 10:00", browser.driver.findElement(By.id("followup-dueAt")).getDomProperty("value"),
                "what was typed is kept");
        browser.screenshot("followup-bad-input");
        assertTrue(hotline.followUps().forCase(c.id()).isEmpty());
    }

    @Test
    void rescheduleCancelAndAManualOutcomeFromTheCasePage() {
        CareCase c = openAnsweredCase("13700002004");
        String first = hotline.app.followUps().schedule(org.carehotline.followups.ScheduleRequest.at(c.id(),
                clock.instant(), "first"));
        String second = hotline.app.followUps().schedule(org.carehotline.followups.ScheduleRequest.at(c.id(),
                clock.instant().plus(Duration.ofDays(1)), "second"));
        browser.driver.navigate().refresh();

        browser.driver.findElement(By.cssSelector("#reschedule-" + second + " summary")).click();
        setDateTime(By.id("reschedule-" + second + "-dueAt"), "2026-11-27T20:30");
        ConsolePages.submit(browser, By.id("reschedule-" + second + "-submit"));
        assertTrue(ConsolePages.await(browser, By.id("followup-" + second)).getText().contains("2026-11-27 20:30"));

        browser.driver.findElement(By.cssSelector("#outcome-" + first + " summary")).click();
        new Select(browser.driver.findElement(By.id("outcome-" + first + "-outcome"))).selectByValue("no_answer");
        browser.driver.findElement(By.id("outcome-" + first + "-note")).sendKeys("用自己的手机打过");
        ConsolePages.submit(browser, By.id("outcome-" + first + "-submit"));
        String timeline = ConsolePages.await(browser, By.id("timeline")).getText();
        assertTrue(timeline.contains("回访（咨询员自行拨打） · 无人接听"), timeline);
        FollowUp retried = hotline.followUps().findById(first).orElseThrow();
        assertEquals(1, retried.attemptsMade());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), retried.dueAt(), "retried by the rule");

        browser.driver.findElement(By.cssSelector("#cancel-" + second + " summary")).click();
        browser.driver.findElement(By.id("cancel-" + second + "-reason")).sendKeys("工人已回家");
        ConsolePages.submit(browser, By.id("cancel-" + second + "-submit"));
        assertTrue(ConsolePages.await(browser, By.id("followup-" + second)).getText().contains("已取消"));
        assertEquals(FollowUpStatus.CANCELLED, hotline.followUps().findById(second).orElseThrow().status());
        assertTrue(browser.driver.findElements(By.id("cancel-" + second)).isEmpty(), "nothing left to change");
        browser.screenshot("followup-case-actions");
        Instant unchanged = hotline.followUps().findById(first).orElseThrow().dueAt();
        assertEquals(retried.dueAt(), unchanged);
    }
}
