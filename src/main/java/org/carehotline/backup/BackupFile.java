package org.carehotline.backup;

import java.nio.file.Path;
import java.time.Instant;

/** One backup in the backup folder: its file, when it was made, and its size. */
public record BackupFile(Path path, Instant madeAt, long bytes) {

    public String name() {
        return path.getFileName().toString();
    }
}
