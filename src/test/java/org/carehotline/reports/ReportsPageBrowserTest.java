package org.carehotline.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.carehotline.config.BundledFiles;
import org.carehotline.support.ConsolePages;
import org.carehotline.onward.NewOnwardReferral;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.onward.OnwardStatus;
import org.carehotline.registry.RegistryImportTest;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;
import org.carehotline.support.Browser;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report routes on a real Vert.x server over the embedded store, in a real browser: the
 * registry import with its rejections, the charts drawn by the served ECharts, and the CSV.
 */
class ReportsPageBrowserTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path files;
    private MongoStore store;
    private Vertx vertx;
    private ExecutorService virtualThreads;
    private int port;

    @BeforeEach
    void start() {
        store = TestStores.open(dataDir);
        store.database().getCollection(CollectionNames.CONTACTS).insertMany(ServiceFiguresTest.knownCalls());
        store.database().getCollection(CollectionNames.CONTACTS).insertOne(Calls.startedAt("2026-11-22T07:00:00Z")
                .category("CRISIS_INTERVENTION", "0").phone("13800138000").answered("c1", 4, 1500).build()
                .append("ivr", new org.bson.Document("path", "key0-at-once").append("step", "dial")
                        .append("toRingingTenths", 21L).append("toHumanTenths", 61L).append("abandoned", false)));
        OnwardReferralRepository onward = new OnwardReferralRepository(store);
        onward.refer(new NewOnwardReferral("case-1", OnwardKind.LEGAL_AID, "", "市法律援助中心", "", OnwardStatus.MADE,
                "c1", "王芳", Instant.parse("2026-11-21T03:00:00Z")));
        onward.refer(new NewOnwardReferral("case-1", OnwardKind.MEDICAL, "", "市一院", "", OnwardStatus.SUGGESTED,
                "c1", "王芳", Instant.parse("2026-11-22T03:00:00Z")));
        // one answered satisfaction survey, and one still waiting (in no rate)
        store.database().getCollection(CollectionNames.FOLLOWUPS).insertMany(List.of(
                new org.bson.Document("mode", "survey").append("status", "done").append("category", "LEGAL_ADVICE")
                        .append("firstDueAt", java.util.Date.from(Instant.parse("2026-11-21T03:00:00Z")))
                        .append("attempts", List.of(new org.bson.Document("outcome", "survey_answered")
                                .append("counted", true)))
                        .append("survey", new org.bson.Document("satisfaction", 5).append("solved", true)),
                new org.bson.Document("mode", "survey").append("status", "pending").append("category", "LEGAL_ADVICE")
                        .append("firstDueAt", java.util.Date.from(Instant.parse("2026-11-22T03:00:00Z")))));
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        vertx = Vertx.vertx();
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        Router router = Router.router(vertx);
        new ReportRoutes(vertx, new ReportRoutes.Parts(store, new ReportSettings(5, 20), ServiceFiguresTest.SHANGHAI,
                BundledFiles.templates(Optional.empty()), virtualThreads, clock)).mount(router);
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        virtualThreads.shutdownNow();
        store.close();
    }

    @Test
    void importTheRegistryThenSeeTheChartsAndDownloadTheCsv() throws Exception {
        Path registry = files.resolve("职工名册.csv");
        Files.writeString(registry, RegistryImportTest.FILE, StandardCharsets.UTF_8);
        try (Browser browser = new Browser()) {
            browser.driver.get(url("/registry/import"));
            browser.driver.findElement(By.id("file")).sendKeys(registry.toAbsolutePath().toString());
            browser.driver.findElement(By.id("import-submit")).click();
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(15));
            wait.until(d -> !d.findElements(By.id("import-result")).isEmpty());
            assertEquals("4", ConsolePages.textOf(browser, By.id("added")));
            List<WebElement> rejected = browser.driver.findElements(By.cssSelector("tr.rejection"));
            assertEquals(5, rejected.size());
            assertTrue(rejected.get(3).getText().contains("重复"), rejected.get(3).getText());
            browser.screenshot("registry-import-zh");

            browser.driver.get(url("/reports?from=2026-11-21&to=2026-11-22&bucket=DAY"));
            assertEquals("服务与关爱报表 · 职工关爱热线", browser.driver.getTitle());
            for (String chart : List.of("chart-calls", "chart-rates", "chart-categories", "chart-crises",
                    "chart-coverage", "chart-referrals")) {
                wait.until(d -> !d.findElements(By.cssSelector("#" + chart + " svg")).isEmpty());
                Dimension size = browser.driver.findElement(By.cssSelector("#" + chart + " svg")).getSize();
                assertTrue(size.getWidth() > 100 && size.getHeight() > 100, chart + " drawn at " + size);
            }
            assertEquals("8", ConsolePages.textOf(browser, By.id("total-offered")));
            assertTrue(ConsolePages.textOf(browser, By.id("formula-service-level")).contains("20 秒"));
            assertTrue(ConsolePages.textOf(browser, By.id("formula-occupancy"))
                    .startsWith("占用率 =（通话状态时长 + 话后处理时长）÷ 签入时长"), "the occupancy formula is stated");
            assertEquals(1, browser.driver.findElements(By.cssSelector("#crisis-table tbody tr")).size());
            assertEquals("法律援助 0 1 0 0 0 0 1", browser.driver.findElement(By.cssSelector("#referral-table tbody tr"))
                    .getText(), "onward referrals by kind and status");
            assertEquals("合计 2 1 1 0 0 0 1 100.0 5.0 1 100.0", browser.driver.findElement(
                    By.cssSelector("#survey-table tr.survey-total")).getText(), "surveys: the rates count the answer only");
            assertTrue(browser.driver.findElement(By.cssSelector("a[href*='part=surveys']")).isDisplayed(),
                    "the survey table downloads as CSV");
            assertEquals("立即按0 1 1 2.1 2.1 1 6.1 6.1", browser.driver.findElement(
                    By.cssSelector("#ivr-table tbody tr")).getText(), "the crisis caller's seconds before a human");
            browser.driver.executeScript("document.getElementById('survey-table').scrollIntoView()");
            browser.screenshot("reports-surveys-zh");
            browser.driver.executeScript("document.getElementById('chart-referrals').scrollIntoView()");
            browser.screenshot("reports-referrals-zh");
            browser.screenshot("reports-zh");
            for (String part : List.of("care", "coverage")) {
                browser.driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", part);
                browser.screenshot("reports-" + part + "-zh");
            }
            browser.driver.findElement(By.id("language-switch")).click();
            wait.until(d -> d.getTitle().startsWith("Service and care report"));
            browser.screenshot("reports-en");
        }

        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/reports.csv?part=service&from=2026-11-21&to=2026-11-22&bucket=DAY"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3), "UTF-8 BOM");
        List<String> lines = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("时段,来电,接听,放弃,短时放弃,"), lines.get(0));
        // the last column, average wrap-up, is empty: no counselor presence was logged for these calls
        assertEquals("2026-11-21,2,2,0,0,0,0,0,1,100.0,50.0,20.0,600.0,", lines.get(1));
        assertTrue(lines.get(3).startsWith("合计,8,4,"), lines.get(3));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
