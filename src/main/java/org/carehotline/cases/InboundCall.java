package org.carehotline.cases;

import java.util.Optional;

/**
 * An inbound call once recorded: the caller (empty when anonymous), the case it belongs to and
 * its contact.
 *
 * @param returning true when the caller had called before
 */
public record InboundCall(Optional<Caller> caller, CareCase careCase, String contactId, boolean returning) {

    /** The counselor this caller last talked with, if any. */
    public Optional<String> previousCounselorId() {
        return caller.flatMap(Caller::lastCounselorId);
    }
}
