package org.carehotline.referrals;

import java.time.Instant;

/**
 * A worker referred to the hotline by union staff, so that a counselor calls them.
 *
 * @param referrer  who referred (a staff account id or a name)
 * @param situation what the referrer knows, in their words
 */
public record Referral(String id, String referrer, String workerPhone, String situation, Urgency urgency,
                       String caseId, String followUpId, Instant at) {
}
