package org.carehotline.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.carehotline.config.BundledFiles;
import org.carehotline.vocabulary.Texts;

/**
 * The console's texts, from {@code templates/messages_zh.properties} (first language) and
 * {@code messages_en.properties}, with the labels of every code list from
 * {@link org.carehotline.vocabulary.Vocabulary} under them. A key missing in English falls back
 * to Chinese; a key missing in both shows as a label or as itself, never as an error.
 */
final class Messages {

    static final String DEFAULT_LANGUAGE = "zh";
    static final List<String> LANGUAGES = List.of("zh", "en");

    private final Map<String, Map<String, String>> byLanguage = new TreeMap<>();

    Messages(BundledFiles templates) {
        Map<String, String> chinese = read(templates, "messages_zh.properties");
        for (String language : LANGUAGES) {
            Map<String, String> texts = new TreeMap<>(chinese);
            texts.putAll(read(templates, "messages_" + language + ".properties"));
            byLanguage.put(language, Texts.of(texts, language));
        }
    }

    /** The texts for a language; unknown languages get Chinese. */
    Map<String, String> forLanguage(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(DEFAULT_LANGUAGE));
    }

    /** The language a request asked for (?lang=en), or Chinese. */
    static String pick(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : DEFAULT_LANGUAGE;
    }

    private static Map<String, String> read(BundledFiles templates, String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(templates.open(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console texts " + templates.where(name), e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        return texts;
    }
}
