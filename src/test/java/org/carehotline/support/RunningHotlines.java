package org.carehotline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts whole servers for a test, each with a data folder of its own, and stops them and
 * removes their folders after the test:
 * {@code @RegisterExtension final RunningHotlines servers = new RunningHotlines();}
 */
public final class RunningHotlines implements AfterEachCallback {

    private final List<RunningHotline> started = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    /** A server as {@link RunningHotline#start} builds it, stopped after the test. */
    public RunningHotline start(MutableClock clock, Map<String, String> deviceStates, String... extraArgs)
            throws IOException {
        Path dataDir = Files.createTempDirectory("hotline-test");
        folders.add(dataDir);
        RunningHotline hotline = RunningHotline.start(dataDir, clock, deviceStates, extraArgs);
        started.add(hotline);
        return hotline;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        started.forEach(RunningHotline::close);
        started.clear();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        folders.clear();
    }
}
