package org.carehotline.testing;

import static org.carehotline.testing.FakeAmiServer.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Asterisk's AstDB as its AMI actions show it (main/db.c in Asterisk 22): {@code DBPut},
 * {@code DBGet}, {@code DBDel} and {@code DBGetTree}, over keys {@code /family/key}. A test puts
 * entries the dialplan would have written ({@link #put}) and reads what the server left
 * ({@link #entries}). Thread-safe.
 */
public final class FakeAstDb {

    private final NavigableMap<String, String> entries = new ConcurrentSkipListMap<>();

    /** Writes an entry as {@code Set(DB(family/key)=value)} in the dialplan would. */
    public void put(String family, String key, String value) {
        entries.put("/" + family + "/" + key, value);
    }

    /** The entries under a family, by key without the family prefix. */
    public Map<String, String> entries(String family) {
        String prefix = "/" + family + "/";
        Map<String, String> found = new java.util.TreeMap<>();
        entries.subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) -> found.put(k.substring(prefix.length()), v));
        return found;
    }

    void register(FakeAmiServer server) {
        server.onAction("DBPut", this::dbPut);
        server.onAction("DBGet", this::dbGet);
        server.onAction("DBDel", this::dbDel);
        server.onAction("DBGetTree", this::dbGetTree);
        server.onAction("DBDelTree", this::dbDelTree);
    }

    private List<Map<String, String>> dbPut(Map<String, String> action) {
        String family = action.get("Family");
        String key = action.get("Key");
        if (family == null || family.isEmpty()) {
            return List.of(message("Response", "Error", "Message", "No family specified"));
        }
        if (key == null || key.isEmpty()) {
            return List.of(message("Response", "Error", "Message", "No key specified"));
        }
        put(family, key, action.getOrDefault("Val", ""));
        return List.of(message("Response", "Success", "Message", "Updated database successfully"));
    }

    private List<Map<String, String>> dbGet(Map<String, String> action) {
        String value = entries.get("/" + action.get("Family") + "/" + action.get("Key"));
        if (value == null) {
            return List.of(message("Response", "Error", "Message", "Database entry not found"));
        }
        return List.of(message("Response", "Success", "EventList", "start", "Message", "Result will follow"),
                message("Event", "DBGetResponse", "Family", action.get("Family"), "Key", action.get("Key"),
                        "Val", value),
                message("Event", "DBGetComplete", "EventList", "Complete", "ListItems", "1"));
    }

    private List<Map<String, String>> dbDel(Map<String, String> action) {
        String family = action.get("Family");
        if (family == null || family.isEmpty()) {
            return List.of(message("Response", "Error", "Message", "No family specified."));
        }
        if (entries.remove("/" + family + "/" + action.get("Key")) == null) {
            return List.of(message("Response", "Error", "Message", "Database entry could not be deleted"));
        }
        return List.of(message("Response", "Success", "Message", "Key deleted successfully"));
    }

    private List<Map<String, String>> dbDelTree(Map<String, String> action) {
        String family = action.get("Family");
        if (family == null || family.isEmpty()) {
            return List.of(message("Response", "Error", "Message", "No family specified."));
        }
        String key = action.getOrDefault("Key", "");
        String prefix = "/" + family + (key.isEmpty() ? "" : "/" + key);
        boolean removed = entries.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "/"));
        return List.of(removed ? message("Response", "Success", "Message", "Key tree deleted successfully")
                : message("Response", "Error", "Message", "Database entry not found"));
    }

    /** As manager_db_tree_get: the list ack, one DBGetTreeResponse per entry under the prefix, the complete event. */
    private List<Map<String, String>> dbGetTree(Map<String, String> action) {
        String family = action.getOrDefault("Family", "");
        String key = action.getOrDefault("Key", "");
        String prefix = family.isEmpty() ? "" : "/" + family + (key.isEmpty() ? "" : "/" + key);
        List<Map<String, String>> out = new ArrayList<>();
        out.add(message("Response", "Success", "EventList", "start", "Message", "Result will follow"));
        NavigableMap<String, String> matching = prefix.isEmpty() ? entries
                : entries.subMap(prefix, true, prefix + Character.MAX_VALUE, true);
        matching.forEach((k, v) -> {
            if (prefix.isEmpty() || k.equals(prefix) || k.startsWith(prefix + "/")) {
                out.add(message("Event", "DBGetTreeResponse", "Key", k, "Val", v));
            }
        });
        out.add(message("Event", "DBGetTreeComplete", "EventList", "Complete",
                "ListItems", Integer.toString(out.size() - 1)));
        return out;
    }
}
