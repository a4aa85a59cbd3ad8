package org.carehotline.followups;

import java.util.Optional;

/**
 * A follow-up call that reached its AGI script: what the script needs to go on, and the
 * claim it reports back with.
 *
 * @param counselorId empty for an automated check-in
 */
public record ActiveCall(String followUpId, String claimToken, String caseId, String contactId, String workerNumber,
                         Optional<String> counselorId) {
}
