package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carehotline.settings.Holiday;
import org.carehotline.settings.SettingsRepository;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The line settings page in a real browser: an administrator's mistakes come back next to the
 * fields with nothing saved, then the corrected form is saved as version 1 and routing uses it.
 */
class LineSettingsBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Date inputs are typed in the browser's locale format; setting the value is what a date picker does. */
    private static void date(Browser browser, String id, String isoDate) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, isoDate);
    }

    @Test
    void aWrongRangeAndAnUnrecordedDialectAreRefusedThenTheFixedFormIsSaved() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of(),
                "--routing.dialect-menu=mandarin,cantonese");
        try (Browser browser = new Browser()) {
            ConsolePages.signIn(browser, hotline.httpPort(), "admin", "admin-pw-1");
            browser.driver.findElement(By.id("nav-settings")).click();
            ConsolePages.await(browser, By.id("settings-form"));
            assertTrue(ConsolePages.textOf(browser, By.id("settings-status")).contains("配置项"),
                    "nothing saved yet: the configuration keys apply");
            assertEquals("00:00-24:00", browser.driver.findElement(By.id("settings-hours.MONDAY")).getAttribute("value"));
            assertEquals("cantonese", browser.driver.findElement(By.id("settings-dialect.1.name")).getAttribute("value"));

            type(browser, "settings-hours.MONDAY", "22:00-08:00");
            type(browser, "settings-dialect.2.digit", "3");
            type(browser, "settings-dialect.2.name", "hakka");
            ConsolePages.submit(browser, By.id("save-settings"));

            assertTrue(browser.driver.findElement(By.id("settings-refused")).isDisplayed(), "said at the top too");
            WebElement mondayError = browser.driver.findElement(By.id("error-settings-hours.MONDAY"));
            assertTrue(mondayError.getText().contains("结束早于开始"), mondayError.getText());
            assertEquals("true", browser.driver.findElement(By.id("settings-hours.MONDAY")).getAttribute("aria-invalid"));
            assertEquals("22:00-08:00", browser.driver.findElement(By.id("settings-hours.MONDAY")).getAttribute("value"),
                    "the form comes back as typed");
            WebElement dialectError = browser.driver.findElement(By.id("error-settings-dialect.2.name"));
            assertTrue(dialectError.getText().contains("hotline/dialect-hakka"), "names the missing prompt: "
                    + dialectError.getText());
            browser.screenshot("line-settings-refused");
            assertTrue(new SettingsRepository(hotline.app.store()).newest().isEmpty(), "nothing half-saved");
            assertEquals(0, hotline.app.settings().active().version().version());

            type(browser, "settings-hours.MONDAY", "08:00-22:00");
            type(browser, "settings-dialect.2.digit", "");
            type(browser, "settings-dialect.2.name", "");
            date(browser, "settings-holiday.0.first", "2026-10-01");
            date(browser, "settings-holiday.0.last", "2026-10-07");
            type(browser, "settings-holiday.0.name", "国庆节");
            browser.driver.findElement(By.id("settings-closed-callback")).click();
            ConsolePages.submit(browser, By.id("save-settings"));

            assertTrue(ConsolePages.textOf(browser, By.id("settings-saved")).contains("第 1 版"),
                    ConsolePages.textOf(browser, By.id("settings-status")));
            List<WebElement> history = browser.driver.findElements(By.cssSelector("tr.settings-version"));
            assertEquals(1, history.size());
            assertTrue(history.get(0).getText().contains("周一 00:00-24:00 → 08:00-22:00"), history.get(0).getText());
            assertEquals("08:00-22:00", browser.driver.findElement(By.id("settings-hours.MONDAY")).getAttribute("value"));
            assertEquals("国庆节", browser.driver.findElement(By.id("settings-holiday.0.name")).getAttribute("value"));
            browser.screenshot("line-settings-saved");
        }
        var active = hotline.app.settings().active();
        assertEquals(1, active.version().version());
        assertEquals("admin", active.version().updatedBy());
        assertEquals(List.of(new Holiday(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07"), "国庆节",
                List.of())), active.settings().holidays());
        assertFalse(active.hours().isOpen(Instant.parse("2026-11-22T23:30:00Z")), "Monday 07:30 is closed now");
        assertTrue(active.hours().isOpen(Instant.parse("2026-11-23T23:30:00Z")), "Tuesday 07:30 is still open");
        assertFalse(active.hours().isOpen(Instant.parse("2026-10-02T04:00:00Z")), "National Day: closed");
    }
}
