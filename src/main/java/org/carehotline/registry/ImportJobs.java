package org.carehotline.registry;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry imports running in the background, so a large file neither holds the HTTP request
 * nor the event loop: the page polls the progress. Jobs live in memory; a restart forgets them,
 * which is harmless because running the file again changes nothing twice. Thread-safe.
 */
public final class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    /** Finished jobs kept for their result pages; the oldest go beyond this. */
    private static final int KEEP = 20;

    /** Where a job stands; {@code result} is set once it is done, {@code error} if it failed. */
    public record Progress(String id, String fileName, int totalRows, int doneRows, Optional<ImportResult> result,
                           String error) {
        public boolean finished() {
            return result.isPresent() || !error.isEmpty();
        }
    }

    private final RegistryImport registry;
    private final ExecutorService virtualThreads;
    private final Map<String, Progress> jobs = new ConcurrentHashMap<>();

    public ImportJobs(RegistryImport registry, ExecutorService virtualThreads) {
        this.registry = registry;
        this.virtualThreads = virtualThreads;
    }

    /** Starts importing a file and returns the job id at once. */
    public String start(String fileName, byte[] csv) {
        forgetOld();
        String id = UUID.randomUUID().toString();
        int estimate = (int) Math.max(0, new String(csv, java.nio.charset.StandardCharsets.ISO_8859_1)
                .chars().filter(c -> c == '\n').count() - 1);
        jobs.put(id, new Progress(id, fileName, estimate, 0, Optional.empty(), ""));
        virtualThreads.execute(() -> {
            try {
                ImportResult result = registry.run(csv, done -> jobs.computeIfPresent(id, (k, p) ->
                        new Progress(id, fileName, Math.max(estimate, done), done, Optional.empty(), "")));
                jobs.put(id, new Progress(id, fileName, result.rows(), result.rows(), Optional.of(result), ""));
                log.info("Registry import of {}: {} rows, {} added, {} merged, {} unchanged, {} rejected", fileName,
                        result.rows(), result.added(), result.merged(), result.unchanged(), result.rejectedRows());
            } catch (RuntimeException e) {
                log.error("Registry import of {} failed", fileName, e);
                jobs.put(id, new Progress(id, fileName, estimate, 0, Optional.empty(), String.valueOf(e.getMessage())));
            }
        });
        return id;
    }

    public Optional<Progress> progress(String id) {
        return Optional.ofNullable(id).map(jobs::get);
    }

    private void forgetOld() {
        if (jobs.size() >= KEEP) {
            jobs.values().stream().filter(Progress::finished).findAny().ifPresent(p -> jobs.remove(p.id()));
        }
    }
}
