package org.carehotline.vocabulary;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page's texts ({@code t} in the templates) that never answer "missing": a key
 * {@code list.value} of a code list gives that list's label (so an imported
 * {@code occupation.货车司机} reads 货车司机 and {@code occupation.other: 司机} reads
 * 其他：司机); any other missing key gives the key itself and a warning in the log. A page is
 * never lost to an unknown code. Read-only.
 */
public final class Texts extends AbstractMap<String, String> {

    private static final Logger log = LoggerFactory.getLogger(Texts.class);

    private final Map<String, String> texts;
    private final String language;

    private Texts(Map<String, String> texts, String language) {
        this.texts = texts;
        this.language = language;
    }

    /** The bundle's texts with the vocabulary's labels under them and the fallback described above. */
    public static Texts of(Map<String, String> bundle, String language) {
        Map<String, String> all = new java.util.HashMap<>(Vocabulary.messages(language));
        all.putAll(bundle);
        return new Texts(Map.copyOf(all), language);
    }

    @Override
    public String get(Object key) {
        String text = texts.get(key);
        if (text != null || !(key instanceof String k)) {
            return text;
        }
        int dot = k.indexOf('.');
        if (dot > 0) {
            var list = Vocabulary.list(k.substring(0, dot));
            if (list.isPresent()) {
                return list.get().label(k.substring(dot + 1), language);
            }
        }
        if (!k.isEmpty()) {
            log.warn("No console text for key '{}' ({}): showing the key", k, language);
        }
        return k;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return texts.entrySet();
    }
}
