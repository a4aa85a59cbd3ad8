package org.carehotline.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/** The latest calls' Asterisk uniqueid → contact id, bounded: the oldest are forgotten first. Thread-safe. */
final class RecentCalls {

    private final Map<String, String> byUniqueId;

    RecentCalls(int capacity) {
        this.byUniqueId = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String uniqueId, String contactId) {
        if (uniqueId != null && !uniqueId.isBlank()) {
            byUniqueId.put(uniqueId, contactId);
        }
    }

    synchronized String get(String uniqueId) {
        return byUniqueId.get(uniqueId);
    }
}
