package org.carehotline.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * A case search: every field optional, all given fields must match. {@code name} and
 * {@code plate} match the caller's (part of, ignoring case); {@code phone} the normalized number
 * or a part of its digits; {@code openedFrom}/{@code openedBefore} the opening time.
 */
public record CaseQuery(String phone, String name, String plate, String number, Optional<CaseStatus> status,
                        Optional<Category> category, Optional<RiskLevel> risk, String counselorId,
                        Optional<Instant> openedFrom, Optional<Instant> openedBefore) {

    public static CaseQuery everything() {
        return new CaseQuery("", "", "", "", Optional.empty(), Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty());
    }
}
