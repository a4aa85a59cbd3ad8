package org.carehotline.routing;

/** A counselor held for one call while their phone rings. {@code reason} says why they were chosen. */
public record Reservation(String counselorId, String endpoint, String displayName, String reason) {
}
