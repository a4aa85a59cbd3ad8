package org.carehotline.realpbx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server as production runs it: {@code org.carehotline.HotlineApp} in a JVM of its own (the test's JDK
 * and classpath), so that a test can kill it with SIGKILL ({@link #kill}) in the middle of calls.
 */
final class ServerChild implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServerChild(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server with these arguments; returns once it logged that it is up. */
    static ServerChild start(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"); // the test classpath says warn
        command.add("-cp");
        // Surefire runs tests from a manifest-only jar; it names the real classpath in this property
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("org.carehotline.HotlineApp");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the test's own HOTLINE_TEST_* variables are unknown keys to the server, which refuses them
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_"));
        Process p = builder.start();
        ServerChild child = new ServerChild(p, log);
        try {
            child.awaitLog("Care Hotline is up", Duration.ofSeconds(60));
        } catch (IOException | InterruptedException | RuntimeException e) {
            child.kill(); // the caller gets no handle to close: do not leave a server running
            throw e;
        }
        return child;
    }

    /** Waits for a line of the server's log containing {@code text}. */
    void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not log '" + text + "'; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
