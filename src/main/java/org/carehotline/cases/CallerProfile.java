package org.carehotline.cases;

import java.util.Optional;
import org.carehotline.vocabulary.Vocabulary;

/**
 * What the console shows and edits of a caller. {@code occupation} and {@code region} are codes
 * of {@link Vocabulary} (or {@code other: <text>}), {@code dialect} comma-separated dialect codes;
 * each is empty while unknown.
 */
public record CallerProfile(String id, String phone, String name, String occupation, String plate, String employer,
                            String region, String dialect, boolean unionMember, boolean highRisk,
                            Optional<String> lastCounselorId) {

    /** The kinds of work the hotline serves (the vocabulary's occupation codes). */
    public static final java.util.List<String> OCCUPATIONS = Vocabulary.OCCUPATION.codes();

    /** A caller nobody has described yet: the counselor gets a blank card to fill. */
    public boolean isBlank() {
        return name.isEmpty() && occupation.isEmpty() && region.isEmpty();
    }
}
