package org.carehotline.routing;

/**
 * A counselor held for one call while their phone rings. The hold belongs to that call: only
 * this reservation (its {@code callKey}) can turn it into a talk or release it, so no other
 * call's events can leave the counselor ringing or on a call.
 *
 * @param callKey the call it belongs to: the inbound call's contact id, or {@code followup:<id>}
 * @param reason  why they were chosen, in words a supervisor can read on the contact
 */
public record Reservation(String counselorId, String endpoint, String displayName, String reason, String callKey) {
}
