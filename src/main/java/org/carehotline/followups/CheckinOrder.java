package org.carehotline.followups;

/**
 * An automated call to place: the worker's phone through the trunk into [hotline-checkin], or
 * into [hotline-survey] for the satisfaction survey ({@code survey}).
 */
public record CheckinOrder(String followUpId, String claimToken, String caseId, String contactId, String workerNumber,
                           int workerRingSeconds, boolean survey) {

    public CheckinOrder(String followUpId, String claimToken, String caseId, String contactId, String workerNumber,
                        int workerRingSeconds) {
        this(followUpId, claimToken, caseId, contactId, workerNumber, workerRingSeconds, false);
    }
}
