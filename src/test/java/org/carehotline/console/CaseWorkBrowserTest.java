package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.carehotline.cases.CallerProfile;
import org.carehotline.cases.CallerProfiles;
import org.carehotline.cases.CaseFile;
import org.carehotline.cases.CaseWork;
import org.carehotline.cases.NoteRepository;
import org.carehotline.counselors.AccountBootstrap;
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
 * Case work in real browsers on one running hotline: a counselor fills a case after a call,
 * a high risk alerts the supervisor's board, search finds the case, another counselor is
 * refused, bad input and markup are handled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseWorkBrowserTest {

    private static final Map<String, String> LOGIN_BY_ENDPOINT = Map.of("PJSIP/6001", "wang.fang", "PJSIP/6002", "li.wei");

    @TempDir
    static Path dataDir;
    private final MutableClock clock = MutableClock.at("2026-11-22T02:00:00Z");
    private RunningHotline hotline;
    private String base;
    // one signed-in browser per login for the whole class: starting Chromium is the slow part
    private final Map<String, Browser> browsers = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        hotline = RunningHotline.start(dataDir, clock, Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        base = "http://127.0.0.1:" + hotline.httpPort();
    }

    @AfterAll
    void stop() {
        browsers.values().forEach(Browser::close);
        hotline.close();
    }

    /** An answered call from {@code number}; returns the login of the counselor who took it. */
    private String answeredCall(String number) {
        String login = LOGIN_BY_ENDPOINT.get(Calls.answered(hotline, number));
        clock.advance(Duration.ofMinutes(5)); // past the wrap-up, so both counselors are free again
        return login;
    }

    private CaseFile caseOf(String phone) {
        String id = hotline.cases().recent(50).stream().filter(c -> c.phone().orElse("").equals(phone)).findFirst()
                .orElseThrow().id();
        return new CaseWork(hotline.app.store()).find(id).orElseThrow();
    }

    private static String other(String login) {
        return login.equals("wang.fang") ? "li.wei" : "wang.fang";
    }

    private Browser signedIn(String login) {
        return browsers.computeIfAbsent(login, l -> {
            Browser browser = new Browser();
            ConsolePages.signIn(browser, hotline.httpPort(), l, AccountBootstrap.DEMO_PASSWORD);
            return browser;
        });
    }

    @Test
    void aCounselorFillsTheCaseAHighRiskAlertsTheSupervisorAndSearchFindsIt() {
        String login = answeredCall("13900001111");
        CaseFile file = caseOf("13900001111");
        Browser supervisor = signedIn("sun.supervisor");
        Browser counselor = signedIn(login);
        Browser stranger = signedIn(other(login));
        counselor.driver.get(base + "/");
        supervisor.driver.get(base + "/board");
        ConsolePages.awaitLive(supervisor);

        counselor.driver.findElement(By.id("card-case")).click();
        ConsolePages.await(counselor, By.id("profile-form"));
        counselor.driver.findElement(By.id("profile-name")).sendKeys("张师傅");
        new Select(counselor.driver.findElement(By.id("profile-occupation"))).selectByValue("truck_driver");
        counselor.driver.findElement(By.id("profile-plate")).sendKeys("豫A12345");
        counselor.driver.findElement(By.id("profile-region")).sendKeys("河南周口");
        counselor.driver.findElement(By.id("profile-dialect-henan")).click();
        counselor.driver.findElement(By.id("profile-unionMember")).click();
        ConsolePages.submit(counselor, By.id("save-profile"));
        ConsolePages.await(counselor, By.id("describe-form"));
        assertEquals("豫A12345", counselor.driver.findElement(By.id("profile-plate")).getDomProperty("value"));
        assertEquals("来电者资料已保存。", ConsolePages.textOf(counselor, By.id("flash")), "saved, and told so");
        assertTrue(counselor.driver.findElement(By.id("profile-dialect-henan")).isSelected());
        assertEquals("其他：河南周口", counselor.driver.findElement(By.id("profile-region")).getDomProperty("value"),
                "a place the region list does not know is kept as typed");

        assertTrue(counselor.driver.findElement(By.id("describe-cat-PSYCHOLOGICAL_SUPPORT")).isSelected(),
                "the category the caller chose in the menu is already ticked");
        counselor.driver.findElement(By.id("describe-cat-HARDSHIP_ASSISTANCE")).click();
        counselor.driver.findElement(By.id("describe-presentingProblem")).sendKeys("高速封路两周，回不了家，母亲卧床。");
        ConsolePages.submit(counselor, By.id("save-describe"));
        ConsolePages.awaitText(counselor, By.id("describe-presentingProblem"), "母亲卧床");
        assertTrue(counselor.driver.findElements(By.cssSelector(".error")).isEmpty(), "saved without complaint");

        counselor.driver.findElement(By.id("risk-thoughts")).click();
        counselor.driver.findElement(By.id("risk-plan")).click();
        counselor.driver.findElement(By.id("risk-means")).click();
        new Select(counselor.driver.findElement(By.id("risk-timeframe"))).selectByValue("DAYS");
        counselor.driver.findElement(By.id("risk-protective")).sendKeys("儿子");
        new Select(counselor.driver.findElement(By.id("risk-level"))).selectByValue("HIGH");
        ConsolePages.submit(counselor, By.id("save-risk"));
        ConsolePages.awaitText(counselor, By.id("case-risk"), "高");
        counselor.screenshot("case-filled");

        WebElement banner = ConsolePages.await(supervisor, By.id("crisis-banner"));
        assertTrue(banner.getText().contains(file.base().number()), banner.getText());
        Object beeps = ((JavascriptExecutor) supervisor.driver).executeScript("return window.hotlineBeeped || 0");
        assertTrue(((Number) beeps).intValue() >= 1, "the alert sounds");
        supervisor.screenshot("board-crisis-alert");

        CaseFile saved = new CaseWork(hotline.app.store()).find(file.base().id()).orElseThrow();
        assertEquals("HIGH", saved.risk().orElseThrow().level().name());
        assertEquals(login, hotline.app.store().database().getCollection("counselors")
                .find(new org.bson.Document("_id", new org.bson.types.ObjectId(saved.risk().get().assessedBy())))
                .first().getString("login"), "the assessment names who made it");
        CallerProfile profile = new CallerProfiles(hotline.app.store()).find(saved.base().callerId().orElseThrow())
                .orElseThrow();
        assertEquals("truck_driver", profile.occupation());
        assertEquals("高速封路两周，回不了家，母亲卧床。", saved.presentingProblem());
        assertEquals(java.util.List.of(org.carehotline.cases.Category.PSYCHOLOGICAL_SUPPORT,
                org.carehotline.cases.Category.HARDSHIP_ASSISTANCE), saved.base().categories());
        assertTrue(profile.highRisk(), "a high risk flags the caller for routing");

        ConsolePages.submit(counselor, By.id("status-await"));
        ConsolePages.awaitText(counselor, By.id("case-status"), "待回访");
        String timeline = ConsolePages.textOf(counselor, By.id("timeline"));
        assertTrue(timeline.indexOf("风险评估") < timeline.lastIndexOf("来电"), "newest first: " + timeline);
        assertTrue(timeline.contains("待回访"), timeline);

        supervisor.driver.get(base + "/cases?plate=" + "豫A12345");
        assertEquals(file.base().number(), supervisor.driver.findElement(By.cssSelector("tr.case-row"))
                .getDomAttribute("data-case"));
        supervisor.driver.get(base + "/cases?risk=HIGH&name=张");
        assertEquals(1, supervisor.driver.findElements(By.cssSelector("tr.case-row")).size());
        supervisor.screenshot("search-found");
        supervisor.driver.findElement(By.cssSelector("tr.case-row a")).click();
        ConsolePages.await(supervisor, By.id("assign-form"));
        supervisor.screenshot("case-supervisor");

        stranger.driver.get(base + "/cases/" + file.base().id());
        assertEquals("403", stranger.driver.findElement(By.id("error-page")).getDomAttribute("data-code"));
        stranger.screenshot("case-forbidden");
        java.util.List<org.carehotline.audit.AuditEntry> audit =
                new org.carehotline.audit.AuditLog(hotline.app.store()).recent(1, 500);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("case.read") && e.login().equals(login)
                && e.target().equals(file.base().number()) && e.remote().equals("127.0.0.1")), "reads are audited");
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("case.risk") && e.detail().equals("HIGH")),
                "changes are audited");
        stranger.driver.get(base + "/cases?number=" + file.base().number());
        assertTrue(stranger.driver.findElements(By.cssSelector("tr.case-row")).isEmpty(),
                "search does not find other counselors' cases");
    }

    @Test
    void badInputGetsThePageBackWithMessagesAndNothingIsSaved() {
        String login = answeredCall("13900002222");
        CaseFile file = caseOf("13900002222");
        Browser counselor = signedIn(login);
        counselor.driver.get(base + "/cases/" + file.base().id());
        counselor.driver.findElement(By.id("profile-name")).sendKeys("张".repeat(60));
        counselor.driver.findElement(By.id("profile-plate")).sendKeys("bad plate!!");
        counselor.driver.findElement(By.id("profile-region")).sendKeys("河南");
        ConsolePages.submit(counselor, By.id("save-profile"));
        ConsolePages.await(counselor, By.id("error-profile-plate"));
        assertTrue(counselor.driver.findElement(By.id("error-profile-name")).isDisplayed());
        assertEquals("bad plate!!", counselor.driver.findElement(By.id("profile-plate")).getDomProperty("value"),
                "what was typed is kept");
        counselor.screenshot("case-bad-input");
        CallerProfile profile = new CallerProfiles(hotline.app.store()).find(file.base().callerId().orElseThrow())
                .orElseThrow();
        assertEquals("", profile.region(), "nothing half-saved: the valid region was not stored either");

        counselor.driver.findElement(By.id("risk-thoughts")).click();
        counselor.driver.findElement(By.id("risk-plan")).click();
        new Select(counselor.driver.findElement(By.id("risk-level"))).selectByValue("LOW");
        ConsolePages.submit(counselor, By.id("save-risk"));
        ConsolePages.await(counselor, By.id("error-risk-timeframe"));
        new Select(counselor.driver.findElement(By.id("risk-timeframe"))).selectByValue("WEEKS");
        new Select(counselor.driver.findElement(By.id("risk-level"))).selectByValue("LOW");
        ConsolePages.submit(counselor, By.id("save-risk"));
        assertTrue(ConsolePages.await(counselor, By.id("error-risk-level")).getText().contains("低于"),
                "a plan is at least moderate");
        assertTrue(new CaseWork(hotline.app.store()).find(file.base().id()).orElseThrow().risk().isEmpty());

        ConsolePages.submit(counselor, By.id("status-close"));
        ConsolePages.await(counselor, By.id("error-status-note"));
        assertEquals("ACTIVE", new CaseWork(hotline.app.store()).find(file.base().id()).orElseThrow().base()
                .status().name(), "closing without an outcome changes nothing");
    }

    @Test
    void markupTypedIntoANoteIsShownAsTextAndNeverRun() {
        String login = answeredCall("13900003333");
        CaseFile file = caseOf("13900003333");
        String markup = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script><b>粗体</b>";
        Browser counselor = signedIn(login);
        counselor.driver.get(base + "/cases/" + file.base().id());
        counselor.driver.findElement(By.id("note-text")).sendKeys(markup);
        ConsolePages.submit(counselor, By.id("save-note"));
        ConsolePages.awaitText(counselor, By.id("timeline"), "<b>粗体</b>");
        assertTrue(counselor.driver.findElements(By.cssSelector("#timeline b, #timeline img, #timeline script"))
                .isEmpty(), "no element was made from the note");
        assertNull(((JavascriptExecutor) counselor.driver).executeScript("return window.pwned"));
        assertEquals(markup, new NoteRepository(hotline.app.store()).forCase(file.base().id()).get(0).text());
        counselor.screenshot("note-as-text");
    }
}
