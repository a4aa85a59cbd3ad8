package org.carehotline.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The prompts the line has: the names in {@code dialplan/prompts/prompts.tsv} (key
 * {@code prompts.table}), from which {@code generate.sh} makes every sound file in each
 * language. Read again on every question, so a prompt added to the table counts without a
 * restart. Blocking (a small file read).
 */
public final class PromptCatalog {

    private final Path table;

    public PromptCatalog(Path table) {
        this.table = table;
    }

    /** The prompts as the scripts name them ({@code hotline/press-1}); empty if the table cannot be read. */
    public Optional<Set<String>> names() {
        try {
            List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
            Set<String> names = new LinkedHashSet<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String name = line.split("\t", 2)[0].strip();
                if (!name.isEmpty()) {
                    names.add("hotline/" + name);
                }
            }
            return Optional.of(names);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where the table is read from, for messages. */
    public String source() {
        return table.toString();
    }
}
