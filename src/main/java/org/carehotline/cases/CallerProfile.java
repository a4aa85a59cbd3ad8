package org.carehotline.cases;

import java.util.Optional;

/**
 * What the console shows and edits of a caller. {@code occupation} is one of
 * {@link #OCCUPATIONS} or empty while unknown.
 */
public record CallerProfile(String id, String phone, String name, String occupation, String plate, String employer,
                            String region, String dialect, boolean unionMember, boolean highRisk,
                            Optional<String> lastCounselorId) {

    /** The kinds of work the hotline serves (keys of the console texts {@code occupation.*}). */
    public static final java.util.List<String> OCCUPATIONS = java.util.List.of(
            "truck_driver", "courier", "delivery_rider", "ride_hailing_driver", "construction_worker", "other");

    /** A caller nobody has described yet: the counselor gets a blank card to fill. */
    public boolean isBlank() {
        return name.isEmpty() && occupation.isEmpty() && region.isEmpty();
    }
}
