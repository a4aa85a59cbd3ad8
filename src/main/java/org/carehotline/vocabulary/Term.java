package org.carehotline.vocabulary;

import java.util.List;

/**
 * One code of a {@link CodeList} with its labels.
 *
 * @param code     what is stored, e.g. {@code truck_driver}
 * @param zh       the Chinese label (first language)
 * @param en       the English label
 * @param variants other ways people write it (imports, old records), matched loosely by {@link CodeList#match}
 */
public record Term(String code, String zh, String en, List<String> variants) {

    public Term {
        variants = List.copyOf(variants);
    }

    /** A term whose variants are given after the labels. */
    public static Term of(String code, String zh, String en, String... variants) {
        return new Term(code, zh, en, List.of(variants));
    }

    /** The label in a language: English for {@code en}, Chinese otherwise. */
    public String label(String language) {
        return "en".equals(language) ? en : zh;
    }
}
