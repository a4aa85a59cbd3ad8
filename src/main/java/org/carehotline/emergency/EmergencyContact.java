package org.carehotline.emergency;

import java.time.Instant;
import org.carehotline.cases.RiskLevel;

/**
 * One entry of a case's emergency record.
 *
 * @param contact    who exactly, in the counselor's words (a name, a station, a number); required for OTHER
 * @param detail     free text on the result; required for result OTHER
 * @param at         when the party was contacted (the counselor may set it back to when it happened)
 * @param byId       who contacted them and wrote the entry
 * @param recordedAt when the entry was written
 */
public record EmergencyContact(String id, String caseId, EmergencyParty party, String contact, EmergencyResult result,
                               String detail, Instant at, String byId, String byName, Instant recordedAt) {

    /**
     * Whether a case at this risk keeps an emergency record: high and imminent, the levels that
     * alert the supervisors. High is included because a worker with a plan and the means can need
     * 110 or 120 before anyone has rated the risk imminent.
     */
    public static boolean keptFor(RiskLevel level) {
        return level.alertsSupervisors();
    }
}
