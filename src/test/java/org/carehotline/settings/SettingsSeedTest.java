package org.carehotline.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carehotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;

/** The shipped defaults make settings the console would accept, playing only prompts the line has. */
class SettingsSeedTest {

    @Test
    void theDefaultKeysSeedSettingsWhoseEveryPromptExists() {
        HotlineConfig.CallConfig calls = HotlineConfig.load(Map.of(), List.of()).calls();
        LineSettings seed = SettingsSeed.from(calls);
        Set<String> prompts = new PromptCatalog(calls.promptTable()).names().orElseThrow();
        assertTrue(prompts.containsAll(seed.prompts()), "missing: " + seed.prompts().stream()
                .filter(p -> !prompts.contains(p)).toList());
        assertEquals(Path.of("dialplan/prompts/prompts.tsv"), calls.promptTable());
        assertEquals(4, seed.dialects().size());
    }

    @Test
    void theSeedPassesTheConsolesOwnChecksUnchanged() {
        HotlineConfig.CallConfig calls = HotlineConfig.load(Map.of(), List.of()).calls();
        LineSettings seed = SettingsSeed.from(calls);
        SettingsValidator.Result again = SettingsValidator.validate(SettingsDraft.of(seed, 0),
                new PromptCatalog(calls.promptTable()), calls.zone());
        assertEquals(Map.of(), again.problems());
        assertEquals(seed, again.settings().orElseThrow(), "the form round-trips to the same settings");
    }
}
