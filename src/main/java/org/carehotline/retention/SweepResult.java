package org.carehotline.retention;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sweep or dry run: when, what each kind's rule was, and the counts.
 *
 * @param dryRun   true when nothing was changed (the counts are what a sweep would do now)
 * @param cases    closed cases and what hangs on them
 * @param audit    audit entries anonymised or deleted
 * @param presence presence intervals anonymised or deleted
 */
public record SweepResult(Instant at, boolean dryRun, Map<RetentionKind, RetentionPolicy.Rule> rules, CaseCounts cases,
                          long audit, long presence) {

    public SweepResult {
        rules = Map.copyOf(rules);
    }

    /** The audit entry's detail: {@code cases=ANONYMISE 3 (contacts 7, notes 2, ...) audit=DELETE 120 presence=off}. */
    public String detail() {
        return "cases=" + rule(RetentionKind.CASES) + " " + cases.cases() + " (contacts " + cases.contacts()
                + ", notes " + cases.notes() + ", follow-ups " + cases.followUps() + ", attached " + cases.attached() + ", callers " + cases.callers()
                + ", kept for pending follow-up " + cases.keptForOpenWork() + ") audit=" + rule(RetentionKind.AUDIT)
                + " " + audit + " presence=" + rule(RetentionKind.PRESENCE) + " " + presence;
    }

    /** The counts by name, in the page's order: the case figures, then audit entries and presence intervals. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("cases", cases.cases());
        counts.put("contacts", cases.contacts());
        counts.put("notes", cases.notes());
        counts.put("followUps", cases.followUps());
        counts.put("attached", cases.attached());
        counts.put("callers", cases.callers());
        counts.put("keptForOpenWork", cases.keptForOpenWork());
        counts.put("audit", audit);
        counts.put("presence", presence);
        return counts;
    }

    private String rule(RetentionKind kind) {
        RetentionPolicy.Rule rule = rules.get(kind);
        return rule.keepsForever() ? "KEEP" : rule.action().name() + "@" + rule.days() + "d";
    }
}
