package org.carehotline.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written as CSV that Excel opens with Chinese intact: UTF-8 with a byte-order mark,
 * CRLF line ends, fields quoted when they hold a comma, quote or line break. A field starting
 * with = + - @ is prefixed with a quote so that Excel does not run it as a formula.
 */
final class CsvTable {

    private static final String BOM = "\uFEFF";

    private final List<List<String>> rows = new ArrayList<>();

    CsvTable(List<String> header) {
        rows.add(header);
    }

    CsvTable row(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value == null ? "" : String.valueOf(value));
        }
        rows.add(row);
        return this;
    }

    byte[] bytes() {
        StringBuilder out = new StringBuilder(BOM);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ",").append(field(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
