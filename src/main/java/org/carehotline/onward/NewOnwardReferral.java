package org.carehotline.onward;

import java.time.Instant;

/**
 * What a counselor records for a new onward referral. The console checks the fields first; the
 * constructor only refuses what would make a broken record.
 *
 * @param otherKind required for kind OTHER, ignored (stored empty) for the others
 * @param status    SUGGESTED or MADE ({@link OnwardStatus#STARTING})
 */
public record NewOnwardReferral(String caseId, OnwardKind kind, String otherKind, String organisation, String note,
                                OnwardStatus status, String byId, String byName, Instant at) {

    public NewOnwardReferral {
        if (!OnwardStatus.STARTING.contains(status)) {
            throw new IllegalArgumentException("a referral starts as " + OnwardStatus.STARTING + ", not " + status);
        }
        if (kind == OnwardKind.OTHER && otherKind.isBlank()) {
            throw new IllegalArgumentException("a referral of kind OTHER names its kind");
        }
        if (organisation.isBlank()) {
            throw new IllegalArgumentException("a referral names its organisation or contact");
        }
        otherKind = kind == OnwardKind.OTHER ? otherKind : "";
    }
}
