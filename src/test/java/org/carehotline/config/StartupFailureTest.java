package org.carehotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.carehotline.HotlineApp;
import org.junit.jupiter.api.Test;

/** Runs the real main() in a child JVM, as an operator would start it. */
class StartupFailureTest {

    @Test
    void badValueStopsStartupWithNonZeroExitAndAMessageNamingTheKey() throws Exception {
        Process process = start(List.of(), "HOTLINE_HTTP_PORT", "99999");

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), stderr);
        assertTrue(stderr.contains("HOTLINE_HTTP_PORT (http.port) = '99999': expected a port number from 1 to 65535 (0: any free port)"),
                stderr);
    }

    @Test
    void helpPrintsEveryKeyAndExitsZero() throws Exception {
        Process process = start(List.of("--help"), "HOTLINE_UNUSED_CHECK", null);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue());
        assertTrue(stdout.contains("HOTLINE_AGI_PORT"), stdout);
        assertTrue(stdout.contains("mongo.uri"), stdout);
    }

    private static Process start(List<String> args, String envName, String envValue) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                HotlineApp.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (envValue != null) {
            builder.environment().put(envName, envValue);
        }
        return builder.start();
    }
}
