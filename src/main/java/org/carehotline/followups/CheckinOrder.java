package org.carehotline.followups;

/** An automated check-in to place: the worker's phone through the trunk into [hotline-checkin]. */
public record CheckinOrder(String followUpId, String claimToken, String caseId, String contactId, String workerNumber,
                           int workerRingSeconds) {
}
