package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.Calls;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The screen pop in real browsers: a call through FastAGI pops the caller's card on the ringing counselor's page only. */
class ScreenPopBrowserTest {

    private static final Map<String, String> LOGIN_BY_ENDPOINT = Map.of("PJSIP/6001", "wang.fang", "PJSIP/6002", "li.wei");

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();
    private RunningHotline hotline;

    @Test
    void theRingingCounselorGetsTheCardWithinASecondAndKeepsItAfterAReload() throws Exception {
        hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"),
                Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE"));
        int port = hotline.httpPort();
        try (Browser wang = new Browser(); Browser li = new Browser(); Browser supervisor = new Browser()) {
            ConsolePages.signIn(supervisor, port, "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get("http://127.0.0.1:" + port + "/board");
            ConsolePages.awaitLive(supervisor);
            ConsolePages.signIn(wang, port, "wang.fang", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.signIn(li, port, "li.wei", AccountBootstrap.DEMO_PASSWORD);
            assertEquals("可接听", ConsolePages.textOf(wang, By.id("presence")));
            ConsolePages.awaitLive(wang);
            ConsolePages.awaitLive(li);

            FakeAgiCall call = hotline.call("13812345678");
            String endpoint = Calls.untilDial(call, '1');
            Browser ringing = "wang.fang".equals(LOGIN_BY_ENDPOINT.get(endpoint)) ? wang : li;
            Browser other = ringing == wang ? li : wang;

            long before = System.nanoTime();
            ConsolePages.awaitText(ringing, By.id("card-phone"), "13812345678");
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertTrue(millis < 1500, "card shown in " + millis + " ms");
            assertTrue(ringing.driver.findElement(By.id("card-new")).isDisplayed(), "a new caller gets a blank card to fill");
            assertEquals("RINGING", ringing.driver.findElement(By.id("card-state")).getDomAttribute("data-state"));
            assertTrue(ConsolePages.textOf(ringing, By.id("card-key")).contains("心理关爱"));
            ringing.screenshot("screen-pop-ringing");
            assertTrue(other.driver.findElements(By.id("caller-card")).isEmpty(), "the other counselor gets no card");
            assertTrue(other.driver.findElement(By.id("no-call")).isDisplayed());
            ConsolePages.awaitText(supervisor, By.id("counselor-states"), "振铃中");
            ConsolePages.awaitText(ringing, By.id("presence"), "振铃中");
            supervisor.screenshot("board-ringing");

            Calls.answerAndFinish(call, hotline.clock, 42);
            ConsolePages.awaitText(supervisor, By.id("fig-calls"), "1");
            ringing.driver.navigate().refresh();
            ConsolePages.awaitText(ringing, By.id("card-phone"), "13812345678");
            assertEquals("ENDED", ringing.driver.findElement(By.id("card-state")).getDomAttribute("data-state"),
                    "after the call the card says it is the last call, not one ringing");
            ringing.screenshot("screen-pop-after-reload");
            other.driver.navigate().refresh();
            assertTrue(other.driver.findElements(By.id("caller-card")).isEmpty(), "still nothing for the other one");
        }
    }
}
