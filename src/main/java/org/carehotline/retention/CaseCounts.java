package org.carehotline.retention;

import java.util.List;

/**
 * What a sweep did (or a dry run would do) to closed cases past their period.
 *
 * @param cases           cases anonymised or deleted
 * @param contacts        their contacts (calls, follow-up calls, visits)
 * @param notes           their notes
 * @param followUps       their finished follow-ups and surveys
 * @param attached        their onward referrals, emergency records, staff referrals (and crisis alerts, when deleted)
 * @param callers         caller profiles left without a case: deleted, or reduced to a survey refusal
 *                        (a dry run counts the callers whose only case goes)
 * @param keptForOpenWork past their period but kept: a follow-up or survey is still pending on them
 * @param sampleNumbers   the first case numbers concerned, for the page
 */
public record CaseCounts(long cases, long contacts, long notes, long followUps, long attached, long callers,
                         long keptForOpenWork, List<String> sampleNumbers) {

    public static final CaseCounts NONE = new CaseCounts(0, 0, 0, 0, 0, 0, 0, List.of());

    public CaseCounts {
        sampleNumbers = List.copyOf(sampleNumbers);
    }
}
