package org.carehotline.cases;

/** Where a case stands. Changes are named operations with a history entry, never a free edit. */
public enum CaseStatus {
    OPEN,
    ACTIVE,
    AWAITING_FOLLOW_UP,
    CLOSED
}
