package org.carehotline.settings;

import java.time.Instant;

/**
 * One saved version of the line settings. Version 0 is the seed from the configuration keys,
 * never stored; each save stores the next number.
 *
 * @param updatedBy the administrator's login ({@code configuration} for the seed)
 * @param changes   what this version changed from the one before, in one line (for the history and audit)
 */
public record SettingsVersion(int version, LineSettings settings, String updatedBy, Instant updatedAt,
                              String changes) {

    /** Who "saved" the seed. */
    public static final String FROM_CONFIGURATION = "configuration";

    public boolean fromConfiguration() {
        return version == 0;
    }
}
