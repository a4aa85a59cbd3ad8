package org.carehotline.config;

import java.nio.file.Path;
import java.time.ZoneId;
import org.carehotline.backup.BackupPolicy;

/** Reads the {@code backup.*} keys into a {@link BackupPolicy}. */
final class BackupSettings {

    private BackupSettings() {
    }

    static BackupPolicy read(Settings s, ZoneId zone, Path dataDir) {
        // empty: a folder inside the data folder, which an operator copies off the machine
        Path folder = s.optionalPath("backup.dir").orElse(dataDir.resolve("backups"));
        return new BackupPolicy(s.bool("backup.enabled"), s.integer("backup.hour", 0, 23), zone, folder,
                s.integer("backup.keep", 1, 1000));
    }
}
