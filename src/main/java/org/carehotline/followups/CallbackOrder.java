package org.carehotline.followups;

/**
 * A follow-up call to place, counselor first: what the dialplan's [hotline-callback] receives
 * as channel variables.
 *
 * @param claimToken the scheduler's claim: the callback script reports with it
 */
public record CallbackOrder(String followUpId, String claimToken, String caseId, String contactId, String counselorId,
                            String counselorEndpoint, String workerNumber, int counselorRingSeconds) {
}
