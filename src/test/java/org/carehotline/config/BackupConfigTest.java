package org.carehotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.carehotline.backup.BackupPolicy;
import org.junit.jupiter.api.Test;

/** The backup.* keys: a daily backup into the data folder by default, a folder of one's own, bad values named. */
class BackupConfigTest {

    @Test
    void dailyIntoTheDataFolderByDefault() {
        BackupPolicy policy = HotlineConfig.load(Map.of(), List.of("--data.dir=/srv/hotline/data")).backup();
        assertTrue(policy.enabled());
        assertEquals(2, policy.hour());
        assertEquals(7, policy.keep());
        assertEquals(Path.of("/srv/hotline/data/backups"), policy.folder());
        assertEquals("Asia/Shanghai", policy.zone().getId());
    }

    @Test
    void aFolderOfItsOwnAndTheScheduleOff() {
        BackupPolicy policy = HotlineConfig.load(Map.of("HOTLINE_BACKUP_DIR", "/mnt/nas/hotline"),
                List.of("--backup.enabled=false", "--backup.keep=30")).backup();
        assertFalse(policy.enabled());
        assertEquals(Path.of("/mnt/nas/hotline"), policy.folder());
        assertEquals(30, policy.keep());
    }

    @Test
    void keepingNoneAndAnHourPastMidnightAreRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HotlineConfig.load(Map.of(), List.of("--backup.keep=0", "--backup.hour=24")));
        assertTrue(e.getMessage().contains("backup.keep"), e.getMessage());
        assertTrue(e.getMessage().contains("backup.hour"), e.getMessage());
    }
}
