package org.carehotline.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Steps on the console pages in a real browser: sign in, wait for elements. */
public final class ConsolePages {

    public static final Duration WAIT = Duration.ofSeconds(8);

    private ConsolePages() {
    }

    /** Signs in through the form and waits for the desk. */
    public static void signIn(Browser browser, int port, String login, String password) {
        WebDriver d = browser.driver;
        d.get("http://127.0.0.1:" + port + "/login");
        d.findElement(By.id("login")).sendKeys(login);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("sign-in")).click();
        new WebDriverWait(d, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one. */
    public static void submit(Browser browser, By button) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript("window.hotlineOldPage = true");
        browser.driver.findElement(button).click();
        // a new document has no such mark; then wait until it has loaded
        new WebDriverWait(browser.driver, WAIT).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return window.hotlineOldPage === undefined && document.readyState === 'complete'")));
    }

    public static WebElement await(Browser browser, By by) {
        return new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public static void awaitText(Browser browser, By by, String text) {
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * The text of an element that live updates may replace at any moment: found again until a
     * read succeeds, so a redraw between finding and reading is not a failure.
     */
    public static String textOf(Browser browser, By by) {
        return new WebDriverWait(browser.driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    /** Waits until the page's event stream is connected, so that no live event is missed. */
    public static void awaitLive(Browser browser) {
        new WebDriverWait(browser.driver, WAIT).until(d -> "open".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.body.dataset.live")));
    }
}
