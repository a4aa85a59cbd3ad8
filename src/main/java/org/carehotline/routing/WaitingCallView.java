package org.carehotline.routing;

import java.time.Duration;
import java.util.Optional;

/** A waiting call as the live board shows it. {@code offeredTo} is set while a counselor's phone rings for it. */
public record WaitingCallView(String callId, CallNeeds needs, int position, Duration waited,
                              Optional<String> offeredTo) {
}
