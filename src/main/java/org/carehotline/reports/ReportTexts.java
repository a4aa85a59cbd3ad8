package org.carehotline.reports;

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
 * The report pages' texts: the console's bundles ({@code messages_zh/en.properties}, for
 * categories, dispositions, statuses) with the reports' own ({@code messages_reports_zh/en})
 * on top. Chinese first; a key missing in English falls back to Chinese.
 */
final class ReportTexts {

    static final List<String> LANGUAGES = List.of("zh", "en");

    private final Map<String, Map<String, String>> byLanguage = new TreeMap<>();

    ReportTexts(BundledFiles templates) {
        Map<String, String> chinese = new TreeMap<>(read(templates, "messages_zh.properties"));
        chinese.putAll(read(templates, "messages_reports_zh.properties"));
        for (String language : LANGUAGES) {
            Map<String, String> texts = new TreeMap<>(chinese);
            texts.putAll(read(templates, "messages_" + language + ".properties"));
            texts.putAll(read(templates, "messages_reports_" + language + ".properties"));
            byLanguage.put(language, Texts.of(texts, language));
        }
    }

    /** The texts of a language; unknown languages get Chinese. */
    Map<String, String> forLanguage(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get("zh"));
    }

    /** The text of a key, or the key itself so a missing text shows rather than breaks a page or a CSV. */
    String text(String language, String key) {
        return forLanguage(language).get(key);
    }

    static String pick(String requested) {
        return requested != null && LANGUAGES.contains(requested) ? requested : "zh";
    }

    private static Map<String, String> read(BundledFiles templates, String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(templates.open(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report texts " + templates.where(name), e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        return texts;
    }
}
