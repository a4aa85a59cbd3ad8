package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Nothing typed is lost: a long Chinese note within the limit is saved; one over it stays in the
 * field with its length and the limit next to it, whether the browser or the server refuses it;
 * a body past every limit gets the error page in the layout.
 */
class LongNoteBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void longNotesAreSavedOrComeBackWithTheReason() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        Calls.answered(hotline, "13812345678");
        String caseId = hotline.lastContact("13812345678").caseId();
        try (Browser wang = CardFollowsCallBrowserTest.deskOfWang(hotline)) {
            JavascriptExecutor js = (JavascriptExecutor) wang.driver;
            wang.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/cases/" + caseId);
            String note = "司机在高速上被困两周，" + "路".repeat(940);
            js.executeScript("document.getElementById('note-text').value = arguments[0]", note);
            ConsolePages.submit(wang, By.id("save-note"));
            assertTrue(wang.driver.getPageSource().contains(note), "the 950-character note is on the case");

            String tooLong = "路".repeat(7000);
            js.executeScript("document.getElementById('note-text').value = arguments[0]", tooLong);
            wang.driver.findElement(By.id("save-note")).click();
            ConsolePages.awaitText(wang, By.id("error-note-text"), "7000");
            assertTrue(ConsolePages.textOf(wang, By.id("error-note-text")).contains("4000"), "the limit");
            assertEquals(tooLong, wang.driver.findElement(By.id("note-text")).getDomProperty("value"), "kept");

            // the same text past the browser's check: the server refuses it and gives it back
            js.executeScript("document.getElementById('note-form').submit()");
            ConsolePages.awaitText(wang, By.id("error-note-text"), "上限 4000 字");
            assertTrue(ConsolePages.textOf(wang, By.id("error-note-text")).contains("7000"), "how long");
            assertEquals(tooLong, wang.driver.findElement(By.id("note-text")).getDomProperty("value"),
                    "what was typed is in the field again");
            wang.screenshot("note-too-long");

            // past every limit on the wire (a form without a browser check): the error page in the layout.
            // Sent by an HTTP client, since a browser still uploading shows a reset rather than an early answer.
            String csrf = wang.driver.findElement(By.name("_csrf")).getDomProperty("value");
            String cookie = "hotline.session=" + wang.driver.manage().getCookieNamed("hotline.session").getValue();
            String body = "_csrf=" + csrf + "&text=" + java.net.URLEncoder.encode("路".repeat(60_000),
                    java.nio.charset.StandardCharsets.UTF_8);
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + hotline.httpPort()
                            + "/cases/" + caseId + "/notes")).header("cookie", cookie)
                            .header("content-type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode());
            assertTrue(answer.body().contains("id=\"error-page\"") && answer.body().contains("id=\"sign-out\""),
                    "the error page in the layout: " + answer.body());
        }
    }
}
