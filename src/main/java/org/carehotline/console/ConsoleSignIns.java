package org.carehotline.console;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in to the console now (sessions live in this process, so a restart signs
 * everyone out). The board shows a counselor available only when they are signed in here and
 * their phone is free: a registered phone alone does not mean someone is at the desk.
 * Thread-safe.
 */
final class ConsoleSignIns {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void signedIn(String counselorId) {
        ids.add(counselorId);
    }

    void signedOut(String counselorId) {
        ids.remove(counselorId);
    }

    boolean isSignedIn(String counselorId) {
        return ids.contains(counselorId);
    }

    /** For the board's change signature. */
    String signature() {
        return String.valueOf(new java.util.TreeSet<>(ids));
    }
}
