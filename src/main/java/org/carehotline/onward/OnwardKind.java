package org.carehotline.onward;

/** What kind of help a worker is referred on to; OTHER carries the counselor's own words. */
public enum OnwardKind {
    LEGAL_AID,
    UNION_ASSISTANCE,
    MEDICAL,
    EMPLOYMENT,
    FAMILY_SUPPORT,
    OTHER
}
