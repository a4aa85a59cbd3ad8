package org.carehotline.reports;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.carehotline.onward.OnwardStatus;

/**
 * The onward referral table of the report page ({@code reports-referrals.ftlh}) as display
 * strings, and its chart's data: one stacked bar per kind, one series per status that occurs.
 */
final class OnwardModel {

    private OnwardModel() {
    }

    /** The table: status column titles, one row per kind, the total row. */
    static Map<String, Object> table(List<OnwardRow> rows, Function<String, String> t) {
        Map<String, Object> table = new HashMap<>();
        table.put("statuses", statusTitles(t));
        table.put("rows", rows.stream().map(r -> row(r, t)).toList());
        table.put("total", row(OnwardFigures.total(rows), t));
        return table;
    }

    /** The status columns' titles, in {@link OnwardStatus} order. */
    static List<String> statusTitles(Function<String, String> t) {
        return Arrays.stream(OnwardStatus.values()).map(s -> t.apply("onwardStatus." + s.name())).toList();
    }

    private static Map<String, Object> row(OnwardRow r, Function<String, String> t) {
        return Map.of("label", kind(r.kind(), t), "counts", r.counts().stream().map(String::valueOf).toList(),
                "total", String.valueOf(r.total()));
    }

    /** The chart: kinds on the axis, a series per status with any referral. */
    static JsonObject chart(List<OnwardRow> rows, Function<String, String> t) {
        JsonArray series = new JsonArray();
        for (OnwardStatus status : OnwardStatus.values()) {
            List<Long> data = rows.stream().map(r -> r.count(status)).toList();
            if (data.stream().anyMatch(n -> n > 0)) {
                series.add(new JsonObject().put("name", t.apply("onwardStatus." + status.name()))
                        .put("data", new JsonArray(data)));
            }
        }
        return new JsonObject().put("kinds", new JsonArray(rows.stream().map(r -> kind(r.kind(), t)).toList()))
                .put("series", series);
    }

    /** A kind's name in the page's language; the total row's is "total". */
    static String kind(String kind, Function<String, String> t) {
        return kind.isEmpty() ? t.apply("value.total") : t.apply("onwardKind." + kind);
    }
}
