package org.carehotline.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Locale;
import org.carehotline.referrals.Urgency;

/**
 * The body of {@code POST /api/v1/referrals}, checked field by field before anything is saved:
 * a bad body gets a 400 naming the field, and nothing is written. The phone number itself is
 * checked by {@link org.carehotline.referrals.ReferralService}, the one place that decides
 * what number can be called back.
 */
record ReferralRequest(String referrer, String workerPhone, String situation, Urgency urgency) {

    /** Who referred: a name or a staff id in the union's own system. */
    static final int REFERRER_MAX = 100;
    /** As long as the console's longest texts (notes, the presenting problem). */
    static final int SITUATION_MAX = 4000;
    private static final int PHONE_MAX = 40;

    static ReferralRequest parse(Buffer body) {
        Object decoded;
        try {
            decoded = body == null || body.length() == 0 ? null : Json.decodeValue(body);
        } catch (DecodeException e) {
            throw ApiError.of(400, "malformed_json", "the body is not JSON: " + e.getMessage());
        }
        if (!(decoded instanceof JsonObject json)) {
            throw ApiError.of(400, "malformed_json", "the body must be a JSON object");
        }
        String referrer = text(json, "referrer", REFERRER_MAX, true);
        String phone = text(json, "workerPhone", PHONE_MAX, true);
        String situation = text(json, "situation", SITUATION_MAX, true);
        String urgency = text(json, "urgency", 10, false);
        return new ReferralRequest(referrer, phone, situation, urgency(urgency));
    }

    private static String text(JsonObject json, String field, int max, boolean required) {
        Object value = json.getValue(field);
        if (value == null) {
            if (required) {
                throw ApiError.field("missing_field", field, "'" + field + "' is required");
            }
            return "";
        }
        if (!(value instanceof String s)) {
            throw ApiError.field("wrong_type", field, "'" + field + "' must be a string");
        }
        String text = s.strip();
        if (required && text.isEmpty()) {
            throw ApiError.field("missing_field", field, "'" + field + "' is empty");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw ApiError.field("too_long", field, "'" + field + "' has " + text.codePointCount(0, text.length())
                    + " characters; at most " + max);
        }
        return text;
    }

    private static Urgency urgency(String given) {
        if (given.isEmpty()) {
            return Urgency.NORMAL;
        }
        try {
            return Urgency.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.field("invalid_value", "urgency", "'urgency' must be one of "
                    + Arrays.toString(Urgency.values()) + ", not '" + given + "'");
        }
    }
}
