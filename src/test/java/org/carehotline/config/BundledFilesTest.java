package org.carehotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's files come from the classpath; a folder on disk replaces them file by file. */
class BundledFilesTest {

    @Test
    void withoutAnOverrideTheClasspathCopyOfTemplatesIsRead() throws IOException {
        BundledFiles files = BundledFiles.templates(Optional.empty());

        assertTrue(read(files, "messages_zh.properties").contains("app.name=职工关爱热线"));
        assertEquals("classpath:templates/login.ftlh", files.where("login.ftlh"));
    }

    @Test
    void aFileInTheOverrideFolderWinsAndTheOthersStillComeFromTheJar(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("messages_en.properties"), "app.name=Our line\n");
        BundledFiles files = BundledFiles.templates(Optional.of(dir));

        assertEquals("app.name=Our line\n", read(files, "messages_en.properties"));
        assertTrue(read(files, "messages_zh.properties").contains("app.name=职工关爱热线"));
    }

    @Test
    void aFileInNeitherPlaceNamesBoth(@TempDir Path dir) {
        BundledFiles files = BundledFiles.templates(Optional.of(dir));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> files.open("nope.properties"));
        assertEquals(dir.resolve("nope.properties").toAbsolutePath() + " or classpath:templates/nope.properties",
                e.getMessage());
    }

    @Test
    void anOverriddenTemplateImportsItsSiblingFromTheJar(@TempDir Path dir) throws Exception {
        // layout.ftlh is only in the jar; the page that imports it only in the folder
        Files.writeString(dir.resolve("page.ftlh"),
                "<#import \"layout.ftlh\" as l>[<#if l.page??>layout found</#if>]");
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(BundledFiles.templates(Optional.of(dir)).templateLoader());
        config.setDefaultEncoding(StandardCharsets.UTF_8.name());

        Template page = config.getTemplate("page.ftlh");
        StringWriter out = new StringWriter();
        page.process(Map.of(), out);
        assertEquals("[layout found]", out.toString());
    }

    private static String read(BundledFiles files, String name) throws IOException {
        try (InputStream in = files.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
