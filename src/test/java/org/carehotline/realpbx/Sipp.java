package org.carehotline.realpbx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp processes playing phones and callers against {@link AsteriskUnderTest}, with the scenarios of
 * {@code src/test/resources/asterisk22/sipp/} (written by {@code recorder/sippgen.py}). Needs
 * {@code sipp} on the PATH (Debian: {@code apt-get install sip-tester}).
 */
final class Sipp implements AutoCloseable {

    private final AsteriskUnderTest asterisk;
    private final Path logs;
    private final List<Process> running = new ArrayList<>();
    private final java.util.Map<Integer, Process> callers = new java.util.HashMap<>();

    Sipp(AsteriskUnderTest asterisk) throws IOException {
        this.asterisk = asterisk;
        this.logs = Files.createDirectories(asterisk.run.resolve("sipp"));
    }

    /** A counselor phone (6001-6003) answering calls the way the scenario says, {@code calls} times. */
    Process phone(String extension, String scenario, int calls) throws IOException {
        return start(scenario, asterisk.phonePorts.get(extension), extension, calls);
    }

    /**
     * A worker calling the hotline number through the trunk, from the first trunk port no other caller of
     * this test is using (SIPp binds its port; Asterisk identifies the trunk by it).
     */
    Process caller(String scenario) throws IOException {
        List<Integer> ports = new ArrayList<>(List.of(asterisk.trunkPort));
        ports.addAll(asterisk.moreTrunkPorts);
        for (int port : ports) {
            Process busy = callers.get(port);
            if (busy == null || !busy.isAlive()) {
                Process p = start(scenario, port, "4008001234", 1);
                callers.put(port, p);
                return p;
            }
        }
        throw new IllegalStateException("more than " + ports.size() + " SIPp callers at once");
    }

    /** A counselor phone placing a call to another extension. */
    Process phoneCalls(String extension, String scenario, String target) throws IOException {
        return start(scenario, asterisk.phonePorts.get(extension), target, 1);
    }

    /** The worker's phone behind the trunk (follow-up calls). */
    Process worker(String scenario, int calls) throws IOException {
        return start(scenario, asterisk.workerPort, "worker", calls);
    }

    /** A worker calling the hotline through the trunk with a scenario written by the test (see {@link #caller}). */
    Process caller(Path scenarioXml) throws IOException {
        Process p = start(scenarioXml, asterisk.trunkPort, "4008001234", 1);
        callers.put(asterisk.trunkPort, p);
        return p;
    }

    private Process start(String scenario, int localPort, String service, int calls) throws IOException {
        return start(AsteriskUnderTest.RESOURCES.resolve("sipp/" + scenario + ".xml"), localPort, service, calls);
    }

    private Process start(Path xml, int localPort, String service, int calls) throws IOException {
        String scenario = xml.getFileName().toString().replaceFirst("\\.xml$", "");
        String name = scenario + "-" + localPort + "-" + running.size();
        Process p = new ProcessBuilder("sipp", "-sf", xml.toString(), "-i", "127.0.0.1", "-p", "" + localPort,
                "-m", "" + calls, "-s", service, "-nostdin", "-trace_err",
                "-error_file", logs.resolve(name + ".err").toString(), "127.0.0.1:" + asterisk.sipPort)
                .directory(logs.toFile()).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile()).start();
        running.add(p);
        return p;
    }

    /** Waits for a SIPp caller to end; true if it ended in time with every call successful. */
    static boolean finished(Process p, long seconds) throws InterruptedException {
        return p.waitFor(seconds, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
            p.waitFor(5, TimeUnit.SECONDS);
        }
        running.clear();
        callers.clear();
    }
}
