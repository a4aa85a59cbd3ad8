package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.carehotline.audit.AuditLog;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The backups page: administrators only, a form without its CSRF token changes nothing, "back
 * up now" writes a verified backup into the folder, lists it and audits it; in a real browser,
 * in Chinese. Against a real MongoDB ({@code HOTLINE_TEST_MONGO_URI}) the page sends the
 * administrator to MongoDB's tools and refuses to run.
 */
class BackupPageTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void onlyAdministratorsBackUpAndAFormWithoutItsTokenIsRefused() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of());
        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, supervisor.get("/admin/backups").statusCode());
        assertEquals(403, supervisor.post("/admin/backups/run", Map.of("_csrf", supervisor.csrf("/"))).statusCode());
        assertFalse(supervisor.get("/").body().contains("nav-backups"), "not in a supervisor's navigation");

        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");
        HttpResponse<String> forged = admin.post("/admin/backups/run", Map.of());
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(hotline.config.backup().folder().toFile().list() == null
                || hotline.config.backup().folder().toFile().list().length == 0, "no backup was made");
    }

    @Test
    void backUpNowWritesAVerifiedBackupListsItAndAuditsIt() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of());
        ConsoleClient admin = new ConsoleClient(hotline.httpPort());
        admin.signIn("admin", "admin-pw-1");
        String page = admin.get("/admin/backups").body();
        HttpResponse<String> run = admin.post("/admin/backups/run", Map.of("_csrf", admin.csrf("/admin/backups")));
        if (!hotline.app.store().embedded()) {
            assertTrue(page.contains("id=\"backup-mongo\""), page);
            assertEquals(409, run.statusCode());
            assertTrue(run.body().contains("mongodump") || run.body().contains("id=\"backup-refused\""), run.body());
            return;
        }
        assertTrue(page.contains("id=\"backup-none\""), page);
        assertTrue(page.contains("backup.enabled=false"), "the schedule is off in tests, and the page says so");
        assertEquals(303, run.statusCode(), run.body());

        String after = admin.get("/admin/backups").body();
        assertTrue(after.contains("id=\"flash\""), "says it is done");
        assertTrue(after.contains("<td class=\"backup-name\">hotline-20261204-160000.zip</td>"), after);
        assertTrue(after.contains("id=\"backup-last-ok\""), after);
        assertTrue(Files.size(hotline.config.backup().folder().resolve("hotline-20261204-160000.zip")) > 0);
        assertTrue(new AuditLog(hotline.app.store()).recent(1, 20).stream().anyMatch(e ->
                e.action().equals("backup.made") && e.login().equals("admin")
                        && e.target().equals("hotline-20261204-160000.zip")), "audited");
    }

    @Test
    void anAdministratorBacksUpFromThePageInABrowser() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-12-04T08:00:00Z"), Map.of(),
                "--backup.enabled=true", "--backup.hour=23", "--backup.keep=5");
        try (Browser browser = new Browser()) {
            ConsolePages.signIn(browser, hotline.httpPort(), "admin", "admin-pw-1");
            browser.driver.findElement(By.id("nav-backups")).click();
            ConsolePages.await(browser, By.id("backup-policy"));
            if (!hotline.app.store().embedded()) {
                assertTrue(ConsolePages.textOf(browser, By.id("backup-mongo")).contains("mongodump"));
                return;
            }
            assertTrue(ConsolePages.textOf(browser, By.id("backup-state")).contains("每天 23 点后自动备份"),
                    ConsolePages.textOf(browser, By.id("backup-state")));
            assertTrue(ConsolePages.textOf(browser, By.id("backup-state")).contains("保留最近 5 份"));
            assertTrue(ConsolePages.textOf(browser, By.id("backup-never-ran")).contains("尚未备份"));

            ConsolePages.submit(browser, By.id("backup-run"));
            assertTrue(ConsolePages.textOf(browser, By.id("flash")).contains("已完成备份"));
            assertTrue(ConsolePages.textOf(browser, By.id("backup-last-when")).contains("手动备份"));
            assertTrue(ConsolePages.textOf(browser, By.id("backup-last-ok")).contains("完整可读"));
            assertEquals("hotline-20261204-160000.zip", ConsolePages.textOf(browser, By.cssSelector(".backup-name")));
            browser.screenshot("backup-made");
        }
    }
}
