package org.carehotline.cases;

import java.time.Instant;

/**
 * A call as Asterisk presents it when it reaches the server.
 *
 * @param callerNumber the caller id as received: may be anonymous or malformed
 */
public record IncomingCall(String uniqueId, String channel, String callerNumber, Instant arrivedAt) {
}
