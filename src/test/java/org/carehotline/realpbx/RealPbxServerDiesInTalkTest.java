package org.carehotline.realpbx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server dies while a caller talks to their counselor, and the counselor hangs up first: the caller has
 * had their talk, so the dialplan hangs up instead of ringing the whole fallback group (opt-in like
 * {@link RealPbxTest}).
 */
@EnabledIfEnvironmentVariable(named = AsteriskUnderTest.BINARY_ENV, matches = ".+")
class RealPbxServerDiesInTalkTest {

    @TempDir
    Path dir;
    private AsteriskUnderTest asterisk;
    private Sipp sipp;
    private ServerChild child;

    @AfterEach
    void stop() throws Exception {
        if (sipp != null) {
            sipp.close();
        }
        if (child != null) {
            child.close();
        }
        if (asterisk != null) {
            asterisk.close();
        }
    }

    @Test
    void aCallerWhoseCounselorHungUpAfterTheServerDiedIsNotRungThroughTheFallbackGroup() throws Exception {
        asterisk = AsteriskUnderTest.start(Files.createDirectories(dir.resolve("asterisk")), LoopbackPorts.tcp());
        sipp = new Sipp(asterisk);
        sipp.phone("6001", "phone-answer-bye8000", 1);
        Map<String, String> keys = RealHotline.settings(asterisk, Files.createDirectories(dir.resolve("data")));
        keys.put("routing.desk-sign-in-required", "false"); // nobody can sign in at a desk of the child JVM
        child = ServerChild.start(RealHotline.arguments(keys), dir.resolve("server.log"));
        child.awaitLog("AMI connected to", Duration.ofSeconds(20));
        Thread.sleep(1500); // device states read after the login

        Process caller = sipp.caller("caller-key1-until-hung-up");
        RealHotline.await("6001 answered", Duration.ofSeconds(40), () -> phoneIsUp("6001") ? true : null);
        child.kill();
        child = null;

        assertTrue(Sipp.finished(caller, 40), "Asterisk hangs the caller up once the counselor has; see " + dir);
        String fallback = asterisk.cli("database show hotline-fallback");
        assertTrue(fallback.contains("0 results found"),
                "no fallback record: the caller never entered [hotline-fallback]: " + fallback);
        assertFalse(asterisk.cdrs().stream().anyMatch(c -> c.lastApp().equals("Dial")
                        && !c.dstChannel().isEmpty() && !c.dstChannel().startsWith("PJSIP/6001-")),
                "no phone but 6001 was dialed: " + asterisk.cdrs());
    }

    private boolean phoneIsUp(String extension) {
        try {
            return asterisk.cli("core show channels concise").lines()
                    .anyMatch(l -> l.startsWith("PJSIP/" + extension + "-") && l.contains("!Up!"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
