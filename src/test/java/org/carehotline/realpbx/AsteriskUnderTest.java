package org.carehotline.realpbx;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Asterisk 22 started for a test: the binary named by {@value #BINARY_ENV}, a config tree written
 * into a temporary folder by {@code recorder/astconf.py} from the repo's {@code dialplan/} files, every
 * port free and on 127.0.0.1. SIPp phones 6001-6003 answer at their own UDP ports, 6004 has no contact.
 */
final class AsteriskUnderTest implements AutoCloseable {

    /** Names the installed asterisk binary, e.g. {@code /opt/asterisk22/sbin/asterisk}. */
    static final String BINARY_ENV = "HOTLINE_TEST_ASTERISK";
    static final String AMI_USER = "hotline";
    /** The secret astconf.py writes into manager.conf. */
    static final String AMI_SECRET = "hotline-test-secret";
    static final Path RESOURCES = Path.of("src/test/resources/asterisk22").toAbsolutePath();

    final Path run;
    final int sipPort = LoopbackPorts.udp();
    final int amiPort = LoopbackPorts.tcp();
    final int agiPort;
    final int trunkPort = LoopbackPorts.udp();
    /** More source ports identified as the trunk, so that several SIPp callers can call at once. */
    final List<Integer> moreTrunkPorts = List.of(LoopbackPorts.udp(), LoopbackPorts.udp(), LoopbackPorts.udp());
    final int workerPort = LoopbackPorts.udp();
    final Map<String, Integer> phonePorts = Map.of("6001", LoopbackPorts.udp(), "6002", LoopbackPorts.udp(),
            "6003", LoopbackPorts.udp());
    private final Path binary = Path.of(System.getenv(BINARY_ENV));
    private Process process;

    private AsteriskUnderTest(Path run, int agiPort) {
        this.run = run;
        this.agiPort = agiPort;
    }

    /** Writes the config and starts Asterisk; returns once its AMI port accepts connections. */
    static AsteriskUnderTest start(Path dir, int agiPort) throws Exception {
        AsteriskUnderTest asterisk = new AsteriskUnderTest(dir, agiPort);
        asterisk.configure();
        asterisk.launch();
        return asterisk;
    }

    private void configure() throws Exception {
        int rtp = 20000 + (int) (ProcessHandle.current().pid() % 200) * 200;
        List<String> cmd = List.of("python3", RESOURCES.resolve("recorder/astconf.py").toString(), run.toString(),
                "--prefix", binary.getParent().getParent().toString(),
                "--dialplan", Path.of("dialplan").toAbsolutePath().toString(),
                "--sip", "" + sipPort, "--ami", "" + amiPort, "--agi", "" + agiPort,
                "--trunk", "" + trunkPort,
                "--more-trunk-ports", moreTrunkPorts.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                "--worker", "" + workerPort, "--rtp", "" + rtp,
                "--phones", phonePorts.get("6001") + "," + phonePorts.get("6002") + "," + phonePorts.get("6003"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(run.resolve("astconf.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("astconf.py failed: " + Files.readString(run.resolve("astconf.log")));
        }
    }

    private void launch() throws Exception {
        Files.createDirectories(run.resolve("log"));
        process = new ProcessBuilder(binary.toString(), "-f", "-n", "-C", run.resolve("etc/asterisk.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("log/console.log").toFile()))
                .start();
        awaitTcp(amiPort, Duration.ofSeconds(30));
        // the AMI listens before every module has loaded; PJSIP is ready once the console says so
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(run.resolve("log/console.log")).contains("Asterisk Ready")
                && !Files.readString(run.resolve("log/messages.log")).contains("Asterisk Ready")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Asterisk did not get ready; see " + run.resolve("log"));
            }
            Thread.sleep(100);
        }
    }

    /** Stops Asterisk (SIGTERM, as a service manager does) and starts it again on the same ports. */
    void restart() throws Exception {
        stop();
        launch();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs one CLI command on this Asterisk ({@code asterisk -rx}) and returns what it printed. */
    String cli(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "-C", run.resolve("etc/asterisk.conf").toString(), "-rx",
                command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("asterisk -rx '" + command + "' failed: " + out);
        }
        return out;
    }

    /** Waits (10 s at most) for the first CDR line that matches. */
    Cdr awaitCdr(String what, java.util.function.Predicate<Cdr> match) {
        return RealHotline.await(what, Duration.ofSeconds(10), () -> {
            try {
                return cdrs().stream().filter(match).findFirst().orElse(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The CDR lines Asterisk has written so far. */
    List<Cdr> cdrs() throws IOException {
        return Cdr.read(run.resolve("log/cdr-csv/Master.csv"));
    }

    private static void awaitTcp(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nothing listens on 127.0.0.1:" + port);
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
