package org.carehotline.cases;

/** How a call ended, from the worker's point of view. */
public enum Disposition {
    /** A counselor talked with the worker. */
    ANSWERED,
    /** The worker hung up before anyone answered. */
    ABANDONED,
    /** Counselors were offered the call, none answered, and the worker did not stay for anything else. */
    NO_ANSWER,
    /** The worker asked to be called back; a follow-up was recorded on the case. */
    CALLBACK_REQUESTED,
    /** The call was handed to the dialplan's fallback ring group (server trouble or nobody free). */
    FALLBACK
}
