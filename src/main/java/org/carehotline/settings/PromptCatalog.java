package org.carehotline.settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The prompts the line has: the names in {@code dialplan/prompts/prompts.tsv}, from which
 * {@code generate.sh} makes every sound file in each language. The jar carries the table it was
 * built with; key {@code prompts.table} names a file to read instead (the PBX's copy, when
 * prompts were added there). A file is read again on every question, so a prompt added to it
 * counts without a restart. Blocking (a small file read).
 */
public final class PromptCatalog {

    /** The table's classpath resource: the repository's {@code dialplan/prompts/prompts.tsv}, put in the jar. */
    public static final String BUNDLED_TABLE = "dialplan/prompts/prompts.tsv";

    private final Optional<Path> table;

    /** The table in a file. */
    public PromptCatalog(Path table) {
        this.table = Optional.of(table);
    }

    private PromptCatalog() {
        this.table = Optional.empty();
    }

    /** The table the jar carries. */
    public static PromptCatalog bundled() {
        return new PromptCatalog();
    }

    /** The table in the file {@code prompts.table} names, or the jar's when it names none. */
    public static PromptCatalog of(Optional<Path> table) {
        return table.map(PromptCatalog::new).orElseGet(PromptCatalog::bundled);
    }

    /** The prompts as the scripts name them ({@code hotline/press-1}); empty if the table cannot be read. */
    public Optional<Set<String>> names() {
        try {
            List<String> lines = table.isPresent() ? Files.readAllLines(table.get(), StandardCharsets.UTF_8) : bundledLines();
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
        return table.map(Path::toString).orElse("classpath:" + BUNDLED_TABLE);
    }

    private static List<String> bundledLines() throws IOException {
        InputStream in = PromptCatalog.class.getResourceAsStream("/" + BUNDLED_TABLE);
        if (in == null) {
            throw new IOException(BUNDLED_TABLE + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
