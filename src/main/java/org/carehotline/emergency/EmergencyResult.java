package org.carehotline.emergency;

/** What came of an emergency contact; OTHER is told in the entry's free text. */
public enum EmergencyResult {
    REACHED,
    DISPATCHED,
    NO_ANSWER,
    REFUSED,
    OTHER
}
