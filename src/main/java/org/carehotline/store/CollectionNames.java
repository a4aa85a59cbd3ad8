package org.carehotline.store;

/** Collection names, in one place. */
public final class CollectionNames {

    public static final String CALLERS = "callers";
    public static final String CASES = "cases";
    public static final String CONTACTS = "contacts";
    public static final String COUNSELORS = "counselors";
    public static final String FOLLOWUPS = "followups";
    public static final String COUNTERS = "counters";
    public static final String AUDIT = "audit";
    public static final String NOTES = "notes";
    /** Workers referred to the hotline by union staff. */
    public static final String REFERRALS = "referrals";
    /** Onward referrals: help arranged for a worker elsewhere (legal aid, medical, ...); not {@link #REFERRALS}. */
    public static final String ONWARD_REFERRALS = "onward_referrals";
    /** Emergency records of cases at high or imminent risk: who was contacted, when, with what result. */
    public static final String EMERGENCY_CONTACTS = "emergency_contacts";
    /** Counselors' presence intervals (signed in, available, on a call, wrap-up, paused), for occupancy. */
    public static final String PRESENCE_LOG = "presence_log";
    /** Opening hours, holidays, menu and dialect options: one document per saved version, the newest applies. */
    public static final String LINE_SETTINGS = "line_settings";

    /** What each counselor last set at the desk (available, paused, signed out), restored on start. */
    public static final String DESK_STATES = "desk_states";

    /** Crisis alerts: raised, re-raised while unacknowledged, acknowledged by a supervisor. */
    public static final String CRISIS_ALERTS = "crisis_alerts";

    /** The retention sweep's lock (one document: who holds it, until when, which day ran) and its last run. */
    public static final String RETENTION = "retention";
    /** Tokens of the integration API: name, scopes and the SHA-256 of the secret (never the secret). */
    public static final String API_TOKENS = "api_tokens";

    private CollectionNames() {
    }
}
