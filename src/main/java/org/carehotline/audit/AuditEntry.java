package org.carehotline.audit;

import java.time.Instant;

/**
 * One line of the audit log: who read or changed what, when, from where.
 *
 * @param action e.g. {@code case.read}, {@code case.risk}, {@code signin.failed}
 * @param target what was read or changed (a case number, a login)
 * @param remote the client's address
 */
public record AuditEntry(Instant at, String userId, String login, String action, String target, String detail,
                         String remote) {
}
