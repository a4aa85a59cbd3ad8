package org.carehotline.console;

import static org.carehotline.testing.FakeAmiServer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.Counselor;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.counselors.Role;
import org.carehotline.routing.PresenceState;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.ConsolePages;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A supervisor whispers to a counselor on a call: AMI Originate to the supervisor's phone running ChanSpy. */
class SupervisorMonitorTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void whisperRingsTheSupervisorsPhoneWithChanSpyOnTheCounselor() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of("PJSIP/6001", "INUSE"));
        hotline.ami.onAction("Originate", action -> List.of(message("Response", "Success",
                "Message", "Originate successfully queued")));
        String wang = hotline.counselorId("wang.fang");
        RunningHotline.awaitCondition("wang.fang on a call",
                () -> hotline.app.router().states().get(wang) == PresenceState.ON_CALL);

        ConsoleClient supervisor = new ConsoleClient(hotline.httpPort());
        supervisor.signIn("sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
        String token = supervisor.csrf("/board");
        assertTrue(supervisor.get("/board").body().contains("monitor-WHISPER-" + wang), "the board offers it");
        HttpResponse<String> noPhone = supervisor.post("/board/monitor",
                Map.of("_csrf", token, "counselor", wang, "mode", "WHISPER"));
        assertEquals("/board?monitor=noPhone", noPhone.headers().firstValue("location").orElse(""));
        assertTrue(supervisor.get("/board?monitor=noPhone").body().contains("没有设置电话分机"),
                "a supervisor without a phone is told why");
        assertTrue(hotline.ami.actions().stream().noneMatch(a -> "Originate".equalsIgnoreCase(a.get("Action"))),
                "and nothing is dialed");

        CounselorRepository accounts = new CounselorRepository(hotline.app.store());
        accounts.save(new Counselor(null, "sun.supervisor", "孙主管", Set.of(Role.SUPERVISOR), "PJSIP/6009",
                Map.of(), List.of("mandarin"), true), new PasswordHasher().hash(AccountBootstrap.DEMO_PASSWORD));
        try (Browser browser = new Browser()) {
            ConsolePages.signIn(browser, hotline.httpPort(), "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            browser.driver.get("http://127.0.0.1:" + hotline.httpPort() + "/board");
            browser.screenshot("board-monitor");
            // the board refreshes itself: find the button afresh if it was just replaced
            new WebDriverWait(browser.driver, ConsolePages.WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        d.findElement(By.id("monitor-WHISPER-" + wang)).click();
                        return true;
                    });
            ConsolePages.await(browser, By.id("monitor-notice"));
            browser.screenshot("board-monitor-ringing");
        }
        Map<String, String> originate = hotline.ami.awaitAction("Originate", Duration.ofSeconds(5));
        assertEquals("PJSIP/6009", originate.get("Channel"));
        assertEquals("ChanSpy", originate.get("Application"));
        // E: ChanSpy ends with the spied call; the dash: only 6001's channels, never 60010-...
        assertEquals("PJSIP/6001-,qEw", originate.get("Data"));

        ConsoleClient counselor = new ConsoleClient(hotline.httpPort());
        counselor.signIn("li.wei", AccountBootstrap.DEMO_PASSWORD);
        assertEquals(403, counselor.post("/board/monitor", Map.of("_csrf", counselor.csrf("/"), "counselor", wang,
                "mode", "LISTEN")).statusCode(), "counselors do not listen in");
    }
}
