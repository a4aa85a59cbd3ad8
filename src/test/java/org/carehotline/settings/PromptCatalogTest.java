package org.carehotline.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt table: the jar's copy unless prompts.table names a file. */
class PromptCatalogTest {

    @Test
    void theBundledTableIsTheRepositorysTable() throws Exception {
        PromptCatalog bundled = PromptCatalog.of(Optional.empty());

        Set<String> fromRepository = new PromptCatalog(Path.of("dialplan/prompts/prompts.tsv")).names().orElseThrow();
        assertEquals(Optional.of(fromRepository), bundled.names());
        assertTrue(fromRepository.contains("hotline/press-1"), fromRepository.toString());
        assertEquals("classpath:dialplan/prompts/prompts.tsv", bundled.source());
    }

    @Test
    void aNamedFileIsReadInsteadAndAgainOnEveryQuestion(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("prompts.tsv");
        Files.write(table, List.of("name\tzh\ten", "press-1\t请按1\tPress 1"));
        PromptCatalog catalog = PromptCatalog.of(Optional.of(table));
        assertEquals(Optional.of(Set.of("hotline/press-1")), catalog.names());

        Files.write(table, List.of("name\tzh\ten", "press-1\t请按1\tPress 1", "press-7\t请按7\tPress 7"));
        assertEquals(Optional.of(Set.of("hotline/press-1", "hotline/press-7")), catalog.names());
        assertEquals(table.toString(), catalog.source());
    }
}
