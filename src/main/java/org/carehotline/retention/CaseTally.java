package org.carehotline.retention;

/** Records changed (or that would be) alongside a batch of cases. */
record CaseTally(long contacts, long notes, long followUps, long attached, long callers) {

    static final CaseTally ZERO = new CaseTally(0, 0, 0, 0, 0);

    CaseTally plus(CaseTally o) {
        return new CaseTally(contacts + o.contacts, notes + o.notes, followUps + o.followUps, attached + o.attached,
                callers + o.callers);
    }
}
