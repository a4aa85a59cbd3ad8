package org.carehotline.followups;

import java.util.List;

/** The states of a follow-up, as stored. Changes happen only through the repository's named operations. */
public final class FollowUpStatus {

    /** Waiting for its due time (or for the next retry). The only state a scheduler claims from. */
    public static final String PENDING = "pending";
    /** A scheduler holds it under a lease: a call is being placed or is in progress. */
    public static final String CLAIMED = "claimed";
    /** Finished: reached, declined, wrong number, checked in. */
    public static final String DONE = "done";
    /** Every attempt made, nobody reached: closed with a note. */
    public static final String UNREACHABLE = "unreachable";
    /** A high-risk worker could not be reached: supervisors were alerted. */
    public static final String ESCALATED = "escalated";
    /** Called off from the console with a reason, before anyone dialed it. */
    public static final String CANCELLED = "cancelled";

    /** The states of a follow-up still to be made: waiting, or being dialed. */
    public static final List<String> OPEN = List.of(PENDING, CLAIMED);

    private FollowUpStatus() {
    }
}
