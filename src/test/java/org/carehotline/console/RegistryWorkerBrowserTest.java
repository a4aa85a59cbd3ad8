package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue #12 item 2 in real browsers: workers imported from the union's registry with occupations
 * written as people write them (货车司机, 卡车司机) call in; the desk shows their card with the
 * occupation and the plate, plate search finds them, and the report counts one occupation.
 */
class RegistryWorkerBrowserTest {

    private static final Map<String, String> LOGIN_BY_ENDPOINT = Map.of("PJSIP/6001", "wang.fang", "PJSIP/6002", "li.wei");

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    @TempDir
    Path files;

    @Test
    void anImportedWorkersCallPopsTheirCardWithOccupationAndPlateAndReportsCountOneOccupation() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T02:00:00Z"),
                Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        int port = hotline.httpPort();
        Path csv = files.resolve("workers.csv");
        Files.writeString(csv, "姓名,手机号,职业,车牌号,单位,地区,方言\n"
                + "张伟,13812345678,货车司机,豫A12345,顺达物流,河南省,河南话\n"
                + "李强,13812345679,卡车司机,,,Henan,\n", StandardCharsets.UTF_8);
        try (Browser wang = new Browser(); Browser li = new Browser(); Browser supervisor = new Browser()) {
            ConsolePages.signIn(supervisor, port, "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get("http://127.0.0.1:" + port + "/registry/import");
            supervisor.driver.findElement(By.id("file")).sendKeys(csv.toString());
            supervisor.driver.findElement(By.id("import-submit")).click();
            ConsolePages.awaitText(supervisor, By.id("added"), "2");

            ConsolePages.signIn(wang, port, "wang.fang", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.signIn(li, port, "li.wei", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.awaitLive(wang);
            ConsolePages.awaitLive(li);

            FakeAgiCall call = hotline.call("13812345678");
            Browser ringing = "wang.fang".equals(LOGIN_BY_ENDPOINT.get(Calls.untilDial(call, '1'))) ? wang : li;
            ConsolePages.awaitText(ringing, By.id("card-phone"), "13812345678");
            assertEquals("货车司机", ConsolePages.textOf(ringing, By.id("card-occupation")));
            assertEquals("豫A12345", ConsolePages.textOf(ringing, By.id("card-plate")), "the imported plate shows");
            assertEquals("河南", ConsolePages.textOf(ringing, By.id("card-region")));
            assertEquals("河南话", ConsolePages.textOf(ringing, By.id("card-dialect")));
            Calls.answerAndFinish(call, hotline.clock, 40);
            ringing.driver.navigate().refresh();
            assertFalse(ringing.driver.getPageSource().contains("页面暂时无法显示"), "the desk still renders");
            ConsolePages.awaitText(ringing, By.id("card-occupation"), "货车司机");
            Calls.answered(hotline, "13812345679");

            supervisor.driver.get("http://127.0.0.1:" + port + "/cases?plate=" + "豫A12345");
            List<WebElement> rows = supervisor.driver.findElements(By.className("case-row"));
            assertEquals(1, rows.size(), "plate search finds the imported plate");
            assertTrue(rows.get(0).getText().contains("13812345678"));

            supervisor.driver.get("http://127.0.0.1:" + port + "/reports");
            WebElement occupations = ConsolePages.await(supervisor, By.id("callers-occupation"));
            List<String> groups = occupations.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText)
                    .toList();
            assertEquals(List.of("货车司机 2"), groups, "货车司机 and 卡车司机 are one occupation");
            Screens.atBothSizes(supervisor, "reports-occupations");
        }
    }
}
