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

/**
 * The card follows the call: a crisis call (key 0) right after a normal one pops the crisis
 * caller's card, never the previous caller's; when a call ends the card says so and "my cases"
 * lists the case, both without a reload.
 */
class CardFollowsCallBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    /** Wang Fang's desk, signed in, its live stream open. */
    static Browser deskOfWang(RunningHotline hotline) {
        Browser wang = new Browser();
        ConsolePages.signIn(wang, hotline.httpPort(), "wang.fang", AccountBootstrap.DEMO_PASSWORD);
        ConsolePages.awaitLive(wang);
        return wang;
    }

    @Test
    void aCrisisCallPopsItsOwnCardAndTheEndShowsWithoutAReload() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        try (Browser wang = deskOfWang(hotline)) {
            assertTrue(ConsolePages.textOf(wang, By.id("my-cases")).contains("还没有个案"), "no cases yet");

            FakeAgiCall first = hotline.call("13812345678");
            assertEquals("PJSIP/6001", Calls.untilDial(first, '1'));
            ConsolePages.awaitText(wang, By.id("card-phone"), "13812345678");
            Calls.answerAndFinish(first, hotline.clock, 42);
            // the end reaches the open page: the card says so and my cases lists the case
            ConsolePages.awaitText(wang, By.id("card-state"), "通话已结束");
            ConsolePages.awaitText(wang, By.id("my-cases"), "13812345678");

            hotline.clock.advance(java.time.Duration.ofMinutes(5));
            RunningHotline.awaitCondition("wang free again", () -> hotline.availableCount() == 1);
            FakeAgiCall crisis = hotline.call("13900009999");
            assertEquals("PJSIP/6001", Calls.untilDial(crisis, '0'));
            ConsolePages.awaitText(wang, By.id("card-phone"), "13900009999");
            assertEquals("RINGING", wang.driver.findElement(By.id("card-state")).getDomAttribute("data-state"));
            assertTrue(ConsolePages.textOf(wang, By.id("card-key")).contains("危机"), "the crisis key");
            wang.screenshot("card-follows-crisis-call");
            Calls.answerAndFinish(crisis, hotline.clock, 30);
            ConsolePages.awaitText(wang, By.id("card-state"), "通话已结束");
        }
    }

    @Test
    void aCardThatCannotBeLoadedSaysSoInRedInsteadOfKeepingTheOldOne() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of("PJSIP/6001", "NOT_INUSE"));
        try (Browser wang = deskOfWang(hotline)) {
            FakeAgiCall first = hotline.call("13812345678");
            Calls.untilDial(first, '1');
            ConsolePages.awaitText(wang, By.id("card-phone"), "13812345678");
            Calls.answerAndFinish(first, hotline.clock, 42);
            // a pop for a call that does not exist (as a refused or failed card would): the old card goes
            hotline.app.liveFeed().callOffered(hotline.counselorId("wang.fang"), "0123456789abcdef01234567");
            ConsolePages.awaitText(wang, By.id("card-error"), "无法载入");
            assertTrue(wang.driver.findElements(By.id("card-phone")).isEmpty(), "the previous caller's card is gone");
            String color = wang.driver.findElement(By.id("card-error")).getCssValue("color");
            assertEquals("rgba(179, 38, 30, 1)", color, "the error is red");
        }
    }
}
