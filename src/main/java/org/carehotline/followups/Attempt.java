package org.carehotline.followups;

import java.time.Instant;
import java.util.Optional;

/**
 * One try at a follow-up.
 *
 * @param counted true when it counted against the maximum attempts (the worker's phone was tried)
 */
public record Attempt(Instant at, Outcome outcome, Optional<String> counselorId, Optional<String> contactId,
                      boolean counted, String detail) {
}
