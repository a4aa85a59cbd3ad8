package org.carehotline.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a submitted form field by field. Errors are message keys by field name, shown next to
 * the fields; nothing is saved while there is any.
 */
final class Form {

    private final Request request;
    private final Map<String, String> errors = new LinkedHashMap<>();

    Form(Request request) {
        this.request = request;
    }

    String required(String field, int maxLength) {
        String value = request.param(field);
        if (value.isEmpty()) {
            errors.putIfAbsent(field, "error.required");
        }
        return optional(field, maxLength);
    }

    String optional(String field, int maxLength) {
        String value = request.param(field);
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            // the template shows how long it is and the limit; the text itself comes back in the field
            errors.putIfAbsent(field, tooLong(length, maxLength));
        }
        return value;
    }

    /** A value from a fixed list; empty allowed unless required. */
    String oneOf(String field, List<String> allowed, boolean required) {
        String value = request.param(field);
        if (value.isEmpty() && required) {
            errors.putIfAbsent(field, "error.required");
        } else if (!value.isEmpty() && !allowed.contains(value)) {
            errors.putIfAbsent(field, "error.invalid");
        }
        return value;
    }

    /** The error of a text too long: the message key, the length and the limit ({@code error.tooLongBy|7000|4000}). */
    static String tooLong(int length, int maxLength) {
        return "error.tooLongBy|" + length + "|" + maxLength;
    }

    boolean checked(String field) {
        return !request.param(field).isEmpty();
    }

    void error(String field, String key) {
        errors.putIfAbsent(field, key);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }

    /** The values as typed, to fill the form again. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        request.params().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : String.join(",", v)));
        return values;
    }
}
