package org.carehotline.counselors;

/** What a signed-in person may do. */
public enum Role {
    COUNSELOR,
    LAWYER,
    SUPERVISOR,
    ADMINISTRATOR,
    /** Union staff who refer workers to the hotline. */
    REFERRER
}
