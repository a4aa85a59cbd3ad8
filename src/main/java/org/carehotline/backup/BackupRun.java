package org.carehotline.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * What one backup did: the file it wrote, what reading it back found (collections' maps and
 * entries), and the problem that made it fail, if one did.
 *
 * @param trigger {@code schedule} or {@code request}
 * @param login   who asked for it ({@code system} for the schedule)
 */
public record BackupRun(Instant at, String trigger, String login, Optional<BackupFile> file, int maps, long entries,
                        long millis, Optional<String> problem) {

    public boolean succeeded() {
        return problem.isEmpty();
    }
}
