package org.carehotline.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every code list of the hotline, each once, with its Chinese and English labels: the console
 * pages, the registry import, the reports and their CSV, and the audit log all read them here.
 * The console's texts ({@code t['occupation.truck_driver']}) are built from these lists, so the
 * message bundles do not repeat them. Immutable; safe from any thread.
 */
public final class Vocabulary {

    public static final CodeList OCCUPATION = PeopleTerms.OCCUPATION;
    public static final CodeList DIALECT = PeopleTerms.DIALECT;
    public static final CodeList REGION = PeopleTerms.REGION;
    public static final CodeList STATUS = CaseTerms.STATUS;
    public static final CodeList CATEGORY = CaseTerms.CATEGORY;
    public static final CodeList RISK = CaseTerms.RISK;
    public static final CodeList TIMEFRAME = CaseTerms.TIMEFRAME;
    public static final CodeList DISPOSITION = CaseTerms.DISPOSITION;
    public static final CodeList KIND = CaseTerms.KIND;
    public static final CodeList NOTE = CaseTerms.NOTE;
    public static final CodeList CRISIS_REASON = CaseTerms.CRISIS;
    public static final CodeList FOLLOWUP_MODE = WorkTerms.FOLLOWUP_MODE;
    public static final CodeList FOLLOWUP_STATUS = WorkTerms.FOLLOWUP_STATUS;
    public static final CodeList FOLLOWUP_OUTCOME = WorkTerms.FOLLOWUP_OUTCOME;
    public static final CodeList ONWARD_KIND = WorkTerms.ONWARD_KIND;
    public static final CodeList ONWARD_STATUS = WorkTerms.ONWARD_STATUS;
    public static final CodeList EMERGENCY_PARTY = WorkTerms.EMERGENCY_PARTY;
    public static final CodeList EMERGENCY_RESULT = WorkTerms.EMERGENCY_RESULT;
    public static final CodeList STATE = ConsoleTerms.STATE;
    public static final CodeList PAUSE = ConsoleTerms.PAUSE;
    public static final CodeList ROLE = ConsoleTerms.ROLE;
    public static final CodeList AUDIT_ACTION = ConsoleTerms.AUDIT;
    public static final CodeList SETTING = ConsoleTerms.SETTING;
    public static final CodeList AUDIT_DETAIL = ConsoleTerms.AUDIT_DETAIL;

    /** All the lists. */
    public static final List<CodeList> ALL = List.of(OCCUPATION, DIALECT, REGION, STATUS, CATEGORY, RISK, TIMEFRAME,
            DISPOSITION, KIND, NOTE, CRISIS_REASON, FOLLOWUP_MODE, FOLLOWUP_STATUS, FOLLOWUP_OUTCOME, ONWARD_KIND,
            ONWARD_STATUS, EMERGENCY_PARTY, EMERGENCY_RESULT, STATE, PAUSE, ROLE, AUDIT_ACTION, SETTING, AUDIT_DETAIL);

    /** The lists whose upper-case codes may appear in a free-text detail (audit log, settings history). */
    private static final List<CodeList> DETAIL_LISTS = List.of(EMERGENCY_PARTY, EMERGENCY_RESULT, CATEGORY, RISK,
            ONWARD_KIND, ONWARD_STATUS, STATUS, DISPOSITION, FOLLOWUP_OUTCOME, PAUSE, DIALECT, SETTING, AUDIT_DETAIL);

    private static final Pattern WORD = Pattern.compile(
            "closed action|missed calls|on load|screen pop|[A-Za-z][A-Za-z0-9_]*");

    private Vocabulary() {
    }

    public static Optional<CodeList> list(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The label of {@code value} in list {@code list}; the value itself for an unknown list or code. */
    public static String label(String list, String value, String language) {
        return list(list).map(l -> l.label(value, language)).orElse(value == null ? "" : value);
    }

    /** The console texts of every list in a language: {@code occupation.truck_driver} → 货车司机. */
    public static Map<String, String> messages(String language) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (CodeList l : ALL) {
            l.terms().forEach(t -> texts.put(l.name() + "." + t.code(), t.label(language)));
        }
        return texts;
    }

    /**
     * A line written by the system in codes ({@code FAMILY REACHED}, {@code hours: mon closed →
     * 08:00-22:00}) with every word that is a code of a known list replaced by its label; other
     * words (numbers, ids, names) stay as they are.
     */
    public static String describe(String text, String language) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String label = DETAIL_LISTS.stream().map(l -> l.term(word)).flatMap(Optional::stream).findFirst()
                    .map(t -> t.label(language)).orElse(word);
            m.appendReplacement(out, Matcher.quoteReplacement(label));
        }
        m.appendTail(out);
        return out.toString();
    }
}
