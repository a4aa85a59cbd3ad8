package org.carehotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotlineConfigTest {

    @Test
    void defaultsNeedNoSettingsAndUseTheEmbeddedStore() {
        HotlineConfig config = HotlineConfig.load(Map.of(), List.of());

        assertEquals(8080, config.http().port());
        assertEquals(4573, config.agi().port());
        assertEquals(5038, config.ami().port());
        assertTrue(config.store().embedded());
        assertEquals(Path.of("./data"), config.store().dataDir());
        assertEquals("zh", config.calls().promptLanguage());
    }

    @Test
    void environmentOverridesDefaultsAndArgumentsOverrideTheEnvironment() {
        HotlineConfig config = HotlineConfig.load(
                Map.of("HOTLINE_HTTP_PORT", "9090", "HOTLINE_MONGO_URI", "mongodb://db.example:27017/x",
                        "HOTLINE_AMI_RECONNECT_MAX_MS", "5000", "PATH", "/usr/bin"),
                List.of("--http.port=9191"));

        assertEquals(9191, config.http().port());
        assertFalse(config.store().embedded());
        assertEquals("mongodb://db.example:27017/x", config.store().mongoUri());
        assertEquals(5000, config.ami().reconnectMaxMs());
    }

    @Test
    void portOutOfRangeNamesTheVariableTheKeyAndTheAcceptedForm() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HotlineConfig.load(Map.of("HOTLINE_HTTP_PORT", "99999"), List.of()));

        assertEquals(List.of("HOTLINE_HTTP_PORT (http.port) = '99999': expected a port number from 1 to 65535 (0: any free port)"),
                e.problems());
    }

    @Test
    void unparsableMongoUriIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HotlineConfig.load(Map.of("HOTLINE_MONGO_URI", "localhost:27017"), List.of()));

        assertTrue(e.problems().get(0).startsWith("HOTLINE_MONGO_URI (mongo.uri) = 'localhost:27017': expected"),
                e.problems().toString());
        assertTrue(e.getMessage().contains("mongodb://host:27017/carehotline"));
    }

    @Test
    void unknownKeysAreRejectedFromBothSources() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HotlineConfig.load(Map.of("HOTLINE_HTTP_PROT", "80"), List.of("--agi.prot=1")));

        assertEquals(2, e.problems().size());
        assertTrue(e.problems().contains("HOTLINE_HTTP_PROT: unknown setting (see --help for the list of keys)"));
        assertTrue(e.problems().contains("--agi.prot: unknown setting (see --help for the list of keys)"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> HotlineConfig.load(
                Map.of("HOTLINE_AGI_PORT", "-1", "HOTLINE_DEMO", "yes", "HOTLINE_HOTLINE_ZONE", "Mars/Base"),
                List.of()));

        assertEquals(3, e.problems().size(), e.problems().toString());
    }

    @Test
    void templatesAndPromptTableComeFromTheJarUnlessAFolderOrFileIsNamed(@TempDir Path templates) {
        HotlineConfig defaults = HotlineConfig.load(Map.of(), List.of());
        assertEquals(Optional.empty(), defaults.http().templatesDir());
        assertEquals(Optional.empty(), defaults.calls().promptTable());

        HotlineConfig named = HotlineConfig.load(Map.of("HOTLINE_PROMPTS_TABLE", "/etc/asterisk/prompts.tsv"),
                List.of("--templates.dir=" + templates));
        assertEquals(Optional.of(templates), named.http().templatesDir());
        assertEquals(Optional.of(Path.of("/etc/asterisk/prompts.tsv")), named.calls().promptTable());
    }

    @Test
    void aTemplatesFolderThatIsNotThereStopsStartup(@TempDir Path parent) {
        Path typo = parent.resolve("templtaes");
        ConfigException e = assertThrows(ConfigException.class,
                () -> HotlineConfig.load(Map.of(), List.of("--templates.dir=" + typo)));

        assertEquals(List.of("--templates.dir (templates.dir) = '" + typo
                + "': expected empty (the files in the jar) or an existing folder"), e.problems());
    }

    @Test
    void helpListsEveryKeyWithItsVariableAndDefault() {
        String help = HotlineConfig.help();

        for (ConfigKeys.Key key : ConfigKeys.load().all()) {
            assertTrue(help.contains(key.name()), key.name());
            assertTrue(help.contains(key.envName()), key.envName());
        }
        assertTrue(help.contains("HOTLINE_MONGO_URI"));
        assertTrue(help.contains("Empty: start the embedded MongoDB-compatible server"));
    }
}
