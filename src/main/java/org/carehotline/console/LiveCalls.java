package org.carehotline.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The calls the console heard about on the live feed, as they happen: which call rings for
 * which counselor, and which calls were answered or ended. The screen pop arrives before the
 * call's records reach the database (they are written off the caller's path), so the card's
 * permission and state are taken from here first. Bounded; thread-safe.
 */
final class LiveCalls {

    /** The state of one call as the live feed told it. */
    enum State { RINGING, CONNECTED, ENDED }

    private static final int KEPT = 5_000;

    private final Map<String, String> lastOffered = new LinkedHashMap<>();
    private final Map<String, State> states = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > KEPT;
        }
    };
    private final Map<String, java.util.Set<String>> offeredTo = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, java.util.Set<String>> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void offered(String counselorId, String contactId) {
        lastOffered.put(counselorId, contactId);
        offeredTo.computeIfAbsent(contactId, k -> new java.util.HashSet<>()).add(counselorId);
        states.putIfAbsent(contactId, State.RINGING);
    }

    synchronized void answered(String contactId) {
        if (states.get(contactId) != State.ENDED) {
            states.put(contactId, State.CONNECTED);
        }
    }

    synchronized void ended(String contactId) {
        states.put(contactId, State.ENDED);
    }

    /** True when this call was offered to this counselor (their phone rang for it). */
    synchronized boolean wasOfferedTo(String counselorId, String contactId) {
        return offeredTo.getOrDefault(contactId, java.util.Set.of()).contains(counselorId);
    }

    /** The counselors this call was offered to. */
    synchronized java.util.Set<String> offeredTo(String contactId) {
        return java.util.Set.copyOf(offeredTo.getOrDefault(contactId, java.util.Set.of()));
    }

    /** The call most recently offered to the counselor since this server started. */
    synchronized Optional<String> lastOfferedTo(String counselorId) {
        return Optional.ofNullable(lastOffered.get(counselorId));
    }

    synchronized Optional<State> state(String contactId) {
        return Optional.ofNullable(states.get(contactId));
    }
}
