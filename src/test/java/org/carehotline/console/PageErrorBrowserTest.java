package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** A page whose template fails shows the layout with an error box, not a bare text page. */
class PageErrorBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void aTemplateThatFailsGivesTheErrorPageInTheLayout(@TempDir Path templates) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            for (Path f : files.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        // the desk's template reads a value that is not there (a missing text key no longer can:
        // it shows as its code)
        Files.writeString(templates.resolve("home.ftlh"),
                "<#import \"layout.ftlh\" as l><@l.page title=\"x\">${noSuchValue.field}</@l.page>");
        var hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of(), "--templates.dir=" + templates);
        try (Browser wang = new Browser()) {
            wang.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/login");
            wang.driver.findElement(By.id("login")).sendKeys("wang.fang");
            wang.driver.findElement(By.id("password")).sendKeys(AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.submit(wang, By.id("sign-in"));
            assertEquals("500", ConsolePages.await(wang, By.id("error-page")).getDomAttribute("data-code"));
            assertTrue(wang.driver.findElement(By.id("sign-out")).isDisplayed(), "the layout, with its menu");
            assertTrue(ConsolePages.textOf(wang, By.id("error-page")).contains("页面暂时无法显示"));
        }
    }
}
