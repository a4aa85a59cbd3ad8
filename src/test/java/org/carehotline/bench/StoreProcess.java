package org.carehotline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.carehotline.store.StandaloneStore;

/**
 * The embedded store in its own JVM ({@code --store=separate}): the server then reaches it by
 * {@code --mongo.uri}, as it would reach a MongoDB server, and the store's heap, page cache and
 * collections are not in the server's JVM.
 */
final class StoreProcess implements AutoCloseable {

    private final Process process;
    private final String uri;

    private StoreProcess(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    static StoreProcess start(Path dataDir, Path log) throws IOException {
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", ServerProcess.classpath(), StandaloneStore.class.getName(), dataDir.toString(), "256");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("@store ")) {
            // log lines before the address
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the store process did not start; see " + log);
        }
        return new StoreProcess(process, line.substring("@store ".length()).strip());
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
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
}
