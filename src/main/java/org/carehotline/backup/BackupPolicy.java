package org.carehotline.backup;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * When and where the embedded store is backed up (the {@code backup.*} keys).
 *
 * @param enabled whether a backup is made every day (a backup on request works either way)
 * @param hour    the local hour from which the day's backup is made
 * @param zone    the line's time zone: days and hours, and the dates in file names
 * @param folder  where backups are written
 * @param keep    how many backups are kept: older ones are deleted after a new one verifies
 */
public record BackupPolicy(boolean enabled, int hour, ZoneId zone, Path folder, int keep) {
}
