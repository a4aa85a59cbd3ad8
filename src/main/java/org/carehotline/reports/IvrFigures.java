package org.carehotline.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * The seconds before a human, per IVR path: for the period's inbound calls with an {@code ivr}
 * journey, how many took each path, p50/p90 from answer to the first phone ringing and to a
 * human answering, and the callers who hung up in the IVR before any phone rang, by the step
 * they were at. The times are stored in tenths of a second, so the facets group by (path,
 * tenths) and stay small whatever the number of calls; percentiles come from those counts.
 */
final class IvrFigures {

    /** The paths in the order the page shows them (see IvrJourney). */
    static final List<String> PATHS = List.of("key0-at-once", "key0-in-prompt", "returning", "new", "no-key");

    /**
     * @param rows            one row per path that had calls, in {@link #PATHS} order
     * @param abandonedBySteps callers who hung up before any phone rang, by step
     */
    record Result(List<IvrRow> rows, Map<String, Long> abandonedBySteps) {}

    private IvrFigures() {
    }

    /** The facets of {@link ContactsPass}: calls per path, the two times, abandoned by step. */
    static Map<String, List<Document>> facets() {
        return Map.of("ivrPaths", List.of(match("ivr.path"), group(new Document("path", "$ivr.path"))),
                "ivrRinging", List.of(match("ivr.toRingingTenths"),
                        group(new Document("path", "$ivr.path").append("t", "$ivr.toRingingTenths"))),
                "ivrHuman", List.of(match("ivr.toHumanTenths"),
                        group(new Document("path", "$ivr.path").append("t", "$ivr.toHumanTenths"))),
                "ivrAbandoned", List.of(new Document("$match", new Document("ivr.abandoned", true)),
                        group(new Document("step", "$ivr.step"))));
    }

    private static Document match(String field) {
        return new Document("$match", new Document(field, new Document("$exists", true)));
    }

    private static Document group(Document id) {
        return new Document("$group", new Document("_id", id).append("n", new Document("$sum", 1)));
    }

    /** The figures from the facets' groups. */
    static Result from(Map<String, List<Document>> found) {
        Map<String, Long> calls = new TreeMap<>();
        found.getOrDefault("ivrPaths", List.of()).forEach(g -> calls.merge(id(g, "path"), count(g), Long::sum));
        Map<String, TreeMap<Long, Long>> ringing = histograms(found.getOrDefault("ivrRinging", List.of()));
        Map<String, TreeMap<Long, Long>> human = histograms(found.getOrDefault("ivrHuman", List.of()));
        List<IvrRow> rows = new ArrayList<>();
        List<String> order = new ArrayList<>(PATHS);
        calls.keySet().stream().filter(p -> !order.contains(p)).forEach(order::add);
        for (String path : order) {
            if (calls.containsKey(path)) {
                rows.add(IvrRow.of(path, calls.get(path), ringing.getOrDefault(path, new TreeMap<>()),
                        human.getOrDefault(path, new TreeMap<>())));
            }
        }
        Map<String, Long> abandoned = new TreeMap<>();
        found.getOrDefault("ivrAbandoned", List.of()).forEach(g -> abandoned.merge(id(g, "step"), count(g), Long::sum));
        return new Result(rows, abandoned);
    }

    private static Map<String, TreeMap<Long, Long>> histograms(List<Document> groups) {
        Map<String, TreeMap<Long, Long>> byPath = new TreeMap<>();
        for (Document g : groups) {
            Number tenths = g.get("_id", Document.class).get("t", Number.class);
            if (tenths != null) {
                byPath.computeIfAbsent(id(g, "path"), p -> new TreeMap<>()).merge(tenths.longValue(), count(g), Long::sum);
            }
        }
        return byPath;
    }

    private static String id(Document group, String field) {
        String value = group.get("_id", Document.class).getString(field);
        return value == null ? "" : value;
    }

    private static long count(Document group) {
        return group.get("n", Number.class).longValue();
    }
}
