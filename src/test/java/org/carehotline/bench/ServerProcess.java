package org.carehotline.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server under test in a child JVM ({@link BenchServer}), on the same JDK and classpath, so
 * that its heap is measured without the simulated Asterisk. Talks to it line by line.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Writer toChild;
    private final BufferedReader fromChild;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.fromChild = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ServerProcess start(List<String> jvmOptions, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath());
        command.add(BenchServer.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        ServerProcess server = new ServerProcess(builder.start(), log);
        String ready = server.readReply();
        if (!ready.startsWith("@ready")) {
            throw new IOException("the server did not start: " + ready + "; see " + log);
        }
        return server;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Sends a command and returns its one-line reply's key=value fields. */
    synchronized Map<String, Long> ask(String command) throws IOException {
        send(command);
        String reply = readReply();
        Map<String, Long> fields = new HashMap<>();
        for (String part : reply.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                try {
                    fields.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
                } catch (NumberFormatException ignored) {
                    // not a number
                }
            }
        }
        return fields;
    }

    /** Class histogram after a full GC: class name to bytes. */
    synchronized Map<String, long[]> histogram() throws IOException {
        send("histo");
        Map<String, long[]> byClass = new LinkedHashMap<>();
        String line;
        while (!(line = readReply()).equals("@end")) {
            // "@h    1:   12345   678901  java.lang.Object (java.base@21)"
            String[] parts = line.substring(2).strip().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                try {
                    byClass.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                } catch (NumberFormatException ignored) {
                    // header or total line
                }
            }
        }
        return byClass;
    }

    private void send(String command) throws IOException {
        toChild.write(command + "\n");
        toChild.flush();
    }

    private String readReply() throws IOException {
        String line;
        while ((line = fromChild.readLine()) != null) {
            if (line.startsWith("@")) {
                return line;
            }
        }
        throw new IOException("the server process ended (exit " + exitCode() + "); see " + log);
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** Lines of the server's log that are warnings or errors, and how many there were. */
    List<String> problems(int max) {
        List<String> found = new ArrayList<>();
        int total = 0;
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("Exception")) {
                    total++;
                    if (found.size() < max) {
                        found.add(line.length() > 200 ? line.substring(0, 200) + "..." : line);
                    }
                }
            }
        } catch (IOException e) {
            found.add("(log unreadable: " + e + ")");
        }
        if (total > found.size()) {
            found.add("... " + (total - found.size()) + " more warnings/errors in " + log);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            send("quit");
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The classpath of this program: exec:java runs it in a URL class loader holding the
     * project's classes and dependencies (java.class.path is then Maven's launcher), a plain
     * {@code java -cp} run has it in java.class.path.
     */
    static String classpath() {
        for (ClassLoader loader = ServerProcess.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
                Set<String> entries = new LinkedHashSet<>();
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
                return String.join(File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }
}
