package org.carehotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.carehotline.support.ConsoleClient;
import org.carehotline.support.FreePorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution ({@code target/care-hotline-dist.tar.gz}, system property {@code hotline.dist}),
 * unpacked and started as an operator would: its start script, from an empty folder, with no
 * repository around. Runs in {@code verify}, after {@code package} made the tarball (failsafe).
 */
class DistributionIT {

    @TempDir
    static Path unpacked;

    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("hotline.dist", "target/care-hotline-dist.tar.gz"));
        assertTrue(Files.isRegularFile(tarball), "no distribution at " + tarball.toAbsolutePath() + ": run package");
        // the system tar, as an operator unpacks it: it keeps the start script's executable bit
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        assertEquals(0, tar.waitFor(), "tar: " + output);
        home = unpacked.resolve("care-hotline");
    }

    @Test
    void theStartScriptRunsTheServerFromAnEmptyFolderWithItsDataThere(@TempDir Path work) throws Exception {
        int http = FreePorts.next();
        Path log = unpacked.resolve("server-" + http + ".log");
        Process server = start(work, log, "--http.host=127.0.0.1", "--http.port=" + http, "--agi.bind=127.0.0.1",
                "--agi.port=" + FreePorts.next(), "--ami.host=127.0.0.1", "--ami.port=" + FreePorts.next(),
                "--admin.password=dist-admin-pw-1", "--followups.enabled=false");
        try {
            awaitLog(server, log, "Care Hotline is up");
            ConsoleClient console = new ConsoleClient(http);

            HttpResponse<String> health = console.get("/health");
            assertEquals(200, health.statusCode(), health.body()); // DEGRADED: no Asterisk, but 200
            JsonObject store = new JsonObject(health.body()).getJsonObject("store");
            assertTrue(store.getBoolean("up"), health.body());
            assertTrue(Files.isRegularFile(work.resolve("data/hotline.mv")), "the embedded data in ./data of the folder");

            // pages and texts from the jar: the working folder has nothing but the data
            HttpResponse<String> login = console.get("/login");
            assertEquals(200, login.statusCode(), login.body());
            assertTrue(login.body().contains("职工关爱热线"), "the console's texts (messages_zh)");
            assertEquals(303, console.signIn("admin", "dist-admin-pw-1").statusCode());
            HttpResponse<String> reports = console.get("/reports");
            assertEquals(200, reports.statusCode(), reports.body());
            assertTrue(reports.body().contains("服务与关爱报表"), "the reports' template and texts");
            // an unreadable prompt table would leave every prompt of the line's settings missing
            HttpResponse<String> settings = console.get("/admin/settings");
            assertEquals(200, settings.statusCode(), settings.body());
            assertFalse(settings.body().contains("settings-missing-prompts"), "the prompt table from the jar");
            assertFalse(Files.readString(log).contains("prompts missing"), Files.readString(log));
            try (Stream<Path> files = Files.list(work)) {
                assertEquals(List.of(work.resolve("data")), files.toList());
            }
        } finally {
            stop(server);
        }
    }

    /**
     * The operator's drill of docs/backup.md: back up from the admin page while the server runs,
     * see the restore refused while it holds the data, stop it, restore with the start script,
     * start again and find the account made before the backup and not the one made after it.
     */
    @Test
    void aBackupFromTheRunningServerRestoresWithTheStartScript(@TempDir Path work) throws Exception {
        int http = FreePorts.next();
        String[] args = {"--http.host=127.0.0.1", "--http.port=" + http, "--agi.bind=127.0.0.1",
                "--agi.port=" + FreePorts.next(), "--ami.host=127.0.0.1", "--ami.port=" + FreePorts.next(),
                "--admin.password=dist-admin-pw-1", "--followups.enabled=false", "--backup.enabled=false"};
        Path firstLog = unpacked.resolve("backup-" + http + ".log");
        Process server = start(work, firstLog, args);
        Path backup;
        try {
            awaitLog(server, firstLog, "Care Hotline is up");
            ConsoleClient admin = new ConsoleClient(http);
            assertEquals(303, admin.signIn("admin", "dist-admin-pw-1").statusCode());
            assertEquals(303, admin.post("/admin/counselors", java.util.Map.of("_csrf", admin.csrf("/admin/counselors"),
                    "login", "before.backup", "displayName", "备份前", "roles", "COUNSELOR", "password", "pw-before-backup-1",
                    "endpoint", "PJSIP/6101", "active", "on")).statusCode());
            HttpResponse<String> made = admin.post("/admin/backups/run",
                    java.util.Map.of("_csrf", admin.csrf("/admin/backups")));
            assertEquals(303, made.statusCode(), made.body());
            try (Stream<Path> files = Files.list(work.resolve("data/backups"))) {
                backup = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
            }
            assertEquals(303, admin.post("/admin/counselors", java.util.Map.of("_csrf", admin.csrf("/admin/counselors"),
                    "login", "after.backup", "displayName", "备份后", "roles", "COUNSELOR", "password", "pw-after-backup-1",
                    "endpoint", "PJSIP/6102", "active", "on")).statusCode());
            Tool refused = run(work, "restore", backup.toString());
            assertEquals(1, refused.exit(), refused.output());
            assertTrue(refused.output().contains("stop the server"), refused.output());
        } finally {
            stop(server);
        }
        Tool restored = run(work, "restore", backup.toString());
        assertEquals(0, restored.exit(), restored.output());
        assertTrue(restored.output().contains("Restored"), restored.output());

        Path secondLog = unpacked.resolve("restored-" + http + ".log");
        server = start(work, secondLog, args);
        try {
            awaitLog(server, secondLog, "Care Hotline is up");
            ConsoleClient before = new ConsoleClient(http);
            assertEquals(303, before.signIn("before.backup", "pw-before-backup-1").statusCode(), "made before the backup");
            ConsoleClient after = new ConsoleClient(http);
            assertEquals(401, after.signIn("after.backup", "pw-after-backup-1").statusCode(),
                    "made after it: not in the restored data");
        } finally {
            stop(server);
        }
    }

    private record Tool(int exit, String output) {}

    private static Tool run(Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/care-hotline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Tool(process.waitFor(), output);
    }

    @Test
    void theJarCarriesEveryTemplateTextAndThePromptTable() throws IOException {
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            files.forEach(f -> expected.add("templates/" + f.getFileName()));
        }
        expected.add("dialplan/prompts/prompts.tsv");
        expected.add("hotline-defaults.properties");
        try (JarFile jar = new JarFile(home.resolve("care-hotline.jar").toFile())) {
            Set<String> missing = new TreeSet<>(expected);
            jar.stream().forEach(entry -> missing.remove(entry.getName()));
            assertEquals(Set.of(), missing, "files of the repository missing from the jar");
        }
    }

    @Test
    void theTarballHoldsTheLibrariesTheJarNamesTheDialplanTheScriptAndTheUnit() throws IOException {
        try (JarFile jar = new JarFile(home.resolve("care-hotline.jar").toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            List<String> absent = new ArrayList<>();
            for (String entry : classPath.trim().split("\\s+")) {
                if (!Files.isRegularFile(home.resolve(entry))) {
                    absent.add(entry);
                }
            }
            assertEquals(List.of(), absent, "Class-Path entries not in the tarball");
            assertEquals("org.carehotline.HotlineApp", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        assertTrue(Files.isExecutable(home.resolve("bin/care-hotline")), "bin/care-hotline is executable");
        assertTrue(Files.readString(home.resolve("care-hotline.service")).contains("ExecStart=/opt/care-hotline/bin/care-hotline"));
        assertTrue(Files.isRegularFile(home.resolve("dialplan/extensions_hotline.conf")));
        assertTrue(Files.isRegularFile(home.resolve("dialplan/prompts/prompts.tsv")));
        assertTrue(Files.isExecutable(home.resolve("dialplan/prompts/generate.sh")));
    }

    private static Process start(Path work, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/care-hotline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the test's own HOTLINE_TEST_* variables are unknown keys to the server, which refuses them
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_"));
        // the script's own search for java 21+: this JVM's (failsafe runs on the build's JDK)
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx384m");
        return builder.start();
    }

    private static void awaitLog(Process server, Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(log).contains(text)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not log '" + text + "':\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy(); // SIGTERM to the JVM itself: the script exec'd it
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
