package org.carehotline.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carehotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;

/** The shipped defaults make settings the console would accept, playing only prompts the line has. */
class SettingsSeedTest {

    @Test
    void theDefaultKeysSeedSettingsWhoseEveryPromptExists() {
        HotlineConfig.CallConfig calls = HotlineConfig.load(Map.of(), List.of()).calls();
        LineSettings seed = SettingsSeed.from(calls);
        Set<String> prompts = PromptCatalog.of(calls.promptTable()).names().orElseThrow();
        assertTrue(prompts.containsAll(seed.prompts()), "missing: " + seed.prompts().stream()
                .filter(p -> !prompts.contains(p)).toList());
        assertEquals(Optional.empty(), calls.promptTable(), "the table in the jar unless prompts.table names one");
        assertEquals(4, seed.dialects().size());
    }

    @Test
    void theSeedPassesTheConsolesOwnChecksUnchanged() {
        HotlineConfig.CallConfig calls = HotlineConfig.load(Map.of(), List.of()).calls();
        LineSettings seed = SettingsSeed.from(calls);
        SettingsValidator.Result again = SettingsValidator.validate(SettingsDraft.of(seed, 0),
                PromptCatalog.of(calls.promptTable()), calls.zone());
        assertEquals(Map.of(), again.problems());
        assertEquals(seed, again.settings().orElseThrow(), "the form round-trips to the same settings");
    }
}
