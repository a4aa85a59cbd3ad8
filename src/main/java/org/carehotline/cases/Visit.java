package org.carehotline.cases;

import java.time.Instant;
import java.util.List;

/**
 * A contact that is not a call: a visit, a face-to-face session, a home visit or supplies
 * delivered. Stored with the calls in the contacts collection, told apart by kind.
 */
public record Visit(String id, String caseId, String kind, String summary, String byId, String byName, Instant at) {

    /** The kinds of non-call contact (keys of the console texts {@code kind.*}). */
    public static final List<String> KINDS = List.of("visit", "face_to_face", "home_visit", "supplies_delivered");
}
