package org.carehotline.onward;

import java.time.Instant;
import java.util.List;

/**
 * One onward referral on a case.
 *
 * @param otherKind    the counselor's name for the kind when {@code kind} is OTHER, else empty
 * @param organisation the organisation or contact the worker is referred to
 * @param history      every status the referral was in, oldest first; the first is how it was recorded
 */
public record OnwardReferral(String id, String caseId, OnwardKind kind, String otherKind, String organisation,
                             String note, OnwardStatus status, List<Change> history, Instant createdAt) {

    /**
     * One status change: which action (empty for the recording itself), by whom, when, with an optional note.
     */
    public record Change(OnwardStatus status, String action, String byId, String byName, String note, Instant at) {}
}
