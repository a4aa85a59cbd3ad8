package org.carehotline.api;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do; an administrator gives each token the scopes its system needs. */
public enum Scope {
    /** {@code POST /api/v1/referrals}: refer a worker, who gets a case and a follow-up due now. */
    REFERRALS_WRITE("referrals:write"),
    /** {@code GET /api/v1/cases/{number}}: a case's summary and timeline. */
    CASES_READ("cases:read"),
    /** {@code GET /api/v1/board}: the live board's figures. */
    BOARD_READ("board:read"),
    /** {@code GET /api/v1/followups/due}: follow-ups due and overdue. */
    FOLLOWUPS_READ("followups:read");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    /** The scope as written in the API's documents and on the token page: {@code cases:read}. */
    public String code() {
        return code;
    }

    public static Optional<Scope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
