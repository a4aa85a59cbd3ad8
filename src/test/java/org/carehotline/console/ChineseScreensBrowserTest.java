package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.carehotline.audit.AuditEntry;
import org.carehotline.audit.AuditLog;
import org.carehotline.cases.CareCase;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.support.Screens;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #12 item 4 in real browsers: the Chinese screens show labels, never the codes or the
 * English sentences the system stores (crisis reason, pause reason, dialects, timeline notes,
 * follow-up reason, counselor ids, CSV values, audit details, setting keys, ::1, US dates).
 */
class ChineseScreensBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void everyCodeOnTheChineseScreensReadsInChinese() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T02:00:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        int port = hotline.httpPort();
        String base = "http://127.0.0.1:" + port;
        try (Browser wang = new Browser(); Browser supervisor = new Browser(); Browser admin = new Browser()) {
            ConsolePages.signIn(supervisor, port, "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get(base + "/board");
            ConsolePages.signIn(wang, port, "wang.fang", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.awaitLive(supervisor);
            ConsolePages.awaitLive(wang);

            // a crisis call: the banner in Chinese, then answered by 王芳
            FakeAgiCall crisis = hotline.call("13700001234");
            Calls.untilDial(crisis, '0');
            ConsolePages.awaitText(supervisor, By.id("crisis-text"), "来电者按了 0");
            assertFalse(ConsolePages.textOf(supervisor, By.id("crisis-text")).contains("caller pressed"));
            Screens.atBothSizes(supervisor, "vocab-crisis-banner");
            Calls.answerAndFinish(crisis, hotline.clock, 60);

            // 王芳 pauses for a meal: the board says 用餐 and her dialects in Chinese
            wang.driver.navigate().refresh();
            new Select(wang.driver.findElement(By.id("pause-reason-select"))).selectByValue("meal");
            ConsolePages.submit(wang, By.id("set-paused"));
            supervisor.driver.get(base + "/board");
            ConsolePages.awaitText(supervisor, By.className("counselor-reason"), "用餐");
            String board = ConsolePages.textOf(supervisor, By.id("counselor-states"));
            assertFalse(board.contains("meal") || board.contains("mandarin"), board);
            assertTrue(board.contains("普通话"), board);
            Screens.atBothSizes(supervisor, "vocab-board");

            // the case page: system notes and the call-back reason in Chinese
            CareCase careCase = hotline.cases().findById(hotline.lastContact("13700001234").caseId()).orElseThrow();
            hotline.followUps().requestCallback(careCase.id(), "13700001234", "", Instant.parse("2026-11-22T02:10:00Z"),
                    Optional.empty(), false);
            supervisor.driver.get(base + "/cases/" + careCase.id());
            String timeline = ConsolePages.textOf(supervisor, By.id("timeline"));
            assertTrue(timeline.contains("第一通来电") && timeline.contains("来电已接听"), timeline);
            assertFalse(timeline.contains("first call") || timeline.contains("call answered"), timeline);
            String followUps = ConsolePages.textOf(supervisor, By.id("followups"));
            assertTrue(followUps.contains("来电者要求回电"), followUps);
            assertFalse(supervisor.driver.getPageSource().contains(">callback_request"), "no raw reason");
            Screens.atBothSizes(supervisor, "vocab-case");

            // reports: the counselor by name, the CSV in Chinese
            supervisor.driver.get(base + "/reports");
            String crises = ConsolePages.await(supervisor, By.id("crisis-table")).getText();
            assertTrue(crises.contains("王芳"), crises);
            assertFalse(crises.contains(hotline.counselorId("wang.fang")), "no database id: " + crises);
            String csv = (String) ((JavascriptExecutor) supervisor.driver).executeAsyncScript(
                    "var done = arguments[0]; fetch('/reports.csv?part=crises').then(r => r.text()).then(done);");
            assertTrue(csv.contains("已接听") && csv.contains("王芳"), csv);
            assertFalse(csv.contains("ANSWERED") || csv.contains("ACTIVE"), csv);

            // dates are typed as yyyy-MM-dd, not drawn in the browser's US format
            supervisor.driver.get(base + "/cases");
            assertEquals("text", supervisor.driver.findElement(By.id("search-from")).getDomAttribute("type"));
            assertEquals("2026-11-22", supervisor.driver.findElement(By.id("search-from")).getDomAttribute("placeholder"));
            Screens.atBothSizes(supervisor, "vocab-cases-dates");

            // the audit log and the settings history
            new AuditLog(hotline.app.store()).record(new AuditEntry(Instant.parse("2026-11-22T02:20:00Z"), "", "sun.supervisor",
                    "emergency.contact", careCase.number(), "FAMILY REACHED", "0:0:0:0:0:0:0:1"));
            ConsolePages.signIn(admin, port, "admin", "admin-pw-1");
            admin.driver.get(base + "/admin/settings");
            admin.driver.findElement(By.id("settings-hours.MONDAY")).clear();
            admin.driver.findElement(By.id("settings-hours.MONDAY")).sendKeys("08:00-20:00");
            ConsolePages.submit(admin, By.id("save-settings"));
            String history = ConsolePages.textOf(admin, By.id("settings-history"));
            assertTrue(history.contains("开放时间") && history.contains("周一"), history);
            assertFalse(history.contains("hours:") || history.contains("mon "), history);
            Screens.atBothSizes(admin, "vocab-settings");
            admin.driver.get(base + "/audit");
            String audit = ConsolePages.textOf(admin, By.id("audit"));
            assertTrue(audit.contains("家属 已联系上") && audit.contains("紧急联络"), audit);
            assertTrue(audit.contains("本机 (127.0.0.1)"), audit);
            assertFalse(audit.contains("FAMILY") || audit.contains("0:0:0:0:0:0:0:1"), audit);
            Screens.atBothSizes(admin, "vocab-audit");
        }
    }
}
