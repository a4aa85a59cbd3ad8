package org.carehotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.support.Browser;
import org.carehotline.support.ConsolePages;
import org.carehotline.support.FreePorts;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Status you can trust: the board shows a counselor available only when they are signed in and
 * their phone is free; a counselor who cannot be made available is told why.
 */
class TrustedStatusBrowserTest {

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void theBoardShowsAvailableOnlyForCounselorsSignedInAndAPhoneNotRegisteredIsNamed() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"),
                Map.of("PJSIP/6001", "NOT_INUSE", "PJSIP/6002", "NOT_INUSE", "PJSIP/6003", "UNAVAILABLE"));
        int port = hotline.httpPort();
        try (Browser wang = CardFollowsCallBrowserTest.deskOfWang(hotline); Browser chen = new Browser();
             Browser supervisor = new Browser()) {
            ConsolePages.signIn(supervisor, port, "sun.supervisor", AccountBootstrap.DEMO_PASSWORD);
            supervisor.driver.get("http://127.0.0.1:" + port + "/board");
            String board = ConsolePages.textOf(supervisor, By.id("counselor-states"));
            assertTrue(board.contains("王芳 可接听"), board);
            assertTrue(board.contains("李伟 未登录控制台"), "li.wei's phone is free but nobody is at her desk: " + board);
            supervisor.screenshot("board-signed-in-only");

            ConsolePages.signIn(chen, port, "chen.jing", AccountBootstrap.DEMO_PASSWORD);
            ConsolePages.submit(chen, By.id("set-available"));
            assertEquals("离线", ConsolePages.textOf(chen, By.id("presence")));
            String why = ConsolePages.textOf(chen, By.id("status-problem"));
            assertTrue(why.contains("PJSIP/6003") && why.contains("没有注册"), why);
        }
    }

    @Test
    void withoutAnAmiLinkTheDeskSaysWhyItStaysOffline() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-22T08:00:00Z"), Map.of(),
                "--ami.port=" + FreePorts.next());
        try (Browser wang = CardFollowsCallBrowserTest.deskOfWang(hotline)) {
            ConsolePages.submit(wang, By.id("set-available"));
            assertEquals("离线", ConsolePages.textOf(wang, By.id("presence")));
            String why = ConsolePages.textOf(wang, By.id("status-problem"));
            assertTrue(why.contains("AMI"), why);
            wang.screenshot("desk-no-ami");
        }
    }
}
