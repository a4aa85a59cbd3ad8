package org.carehotline.vocabulary;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One list of codes (occupations, dialects, statuses, ...) with their Chinese and English
 * labels. Values that are not a code of the list are kept as {@code other: <text>}: they are
 * shown, never lost and never a reason to fail.

 */
public final class CodeList {

    /** The prefix a value that is none of the codes is stored with. */
    public static final String OTHER_PREFIX = "other: ";

    private static final java.util.regex.Pattern OTHER = java.util.regex.Pattern.compile(
            "(?:other|其他|其它)\\s*[:：]\\s*(.*)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final String name;
    private final List<Term> terms;
    private final Map<String, String> index = new HashMap<>();

    private CodeList(String name, List<Term> terms) {
        this.name = name;
        this.terms = List.copyOf(terms);
        for (Term t : terms) {
            index.putIfAbsent(key(t.code()), t.code());
            index.putIfAbsent(key(t.zh()), t.code());
            index.putIfAbsent(key(t.en()), t.code());
            t.variants().forEach(v -> index.putIfAbsent(key(v), t.code()));
        }
    }

    public static CodeList of(String name, Term... terms) {
        return new CodeList(name, List.of(terms));
    }

    /** The list's name, also the prefix of its console texts ({@code occupation.truck_driver}). */
    public String name() {
        return name;
    }

    public List<Term> terms() {
        return terms;
    }

    /** The codes, in the list's order. */
    public List<String> codes() {
        return terms.stream().map(Term::code).toList();
    }

    public Optional<Term> term(String code) {
        return terms.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /**
     * The code a free text means: a code itself, a Chinese or English label or a known variant,
     * compared without case, spaces, dashes or underscores.
     */
    public Optional<String> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(index.get(key(text)));
    }

    /** The code for a free text; "" for a blank one, {@code other: <text>} for one the list does not know. */
    public String toCode(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        // "other: x" as stored, or "其他：x" as the Chinese page showed it and a form sent it back
        java.util.regex.Matcher other = OTHER.matcher(stripped);
        if (other.matches() && !other.group(1).isBlank()) {
            String rest = other.group(1).strip();
            return match(rest).orElse(OTHER_PREFIX + rest);
        }
        return match(stripped).orElse(OTHER_PREFIX + stripped);
    }

    /**
     * The codes of a text naming several values ({@code 普通话、河南话}, {@code mandarin, henan}),
     * each as {@link #toCode}, without repeats, joined by commas: how a caller's dialects are stored.
     */
    public String toCodes(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return String.join(",", java.util.Arrays.stream(text.split("[,，、;；/]+")).map(this::toCode)
                .filter(c -> !c.isEmpty()).distinct().toList());
    }

    /** The labels of comma-separated stored values, joined by 、 (Chinese) or ", " (English). */
    public String labels(String values, String language) {
        if (values == null || values.isBlank()) {
            return "";
        }
        return String.join("en".equals(language) ? ", " : "、", java.util.Arrays.stream(values.split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).map(v -> label(v, language)).toList());
    }

    /**
     * The label of a stored value in a language: the term's label for a code (or for a variant,
     * as older records hold), {@code 其他：<text>} for an "other" value, and the value itself
     * when the list does not know it. Never fails.
     */
    public String label(String value, String language) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        Optional<Term> exact = term(value);
        if (exact.isPresent()) {
            return exact.get().label(language);
        }
        if (value.startsWith(OTHER_PREFIX)) {
            String text = value.substring(OTHER_PREFIX.length());
            return "en".equals(language) ? "other: " + text : "其他：" + text;
        }
        return match(value).flatMap(this::term).map(t -> t.label(language)).orElse(value);
    }

    /** Every code and variant as written, with its label: for a page script that labels what an event carries. */
    public Map<String, String> labelsByWriting(String language) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (Term t : terms) {
            labels.put(t.code(), t.label(language));
            t.variants().forEach(v -> labels.put(v, t.label(language)));
        }
        return labels;
    }

    /** Full-width to half-width, lower case, without spaces, dashes, underscores and dots. */
    static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-·.'’]", "");
    }
}
