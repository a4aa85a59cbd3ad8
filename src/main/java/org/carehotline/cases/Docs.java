package org.carehotline.cases;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** Small readers for optional fields of stored documents. */
final class Docs {

    private Docs() {
    }

    static String string(Document d, String key) {
        String value = d.getString(key);
        return value == null ? "" : value;
    }

    static Optional<String> optionalString(Document d, String key) {
        return Optional.ofNullable(d.getString(key));
    }

    static Optional<Instant> instant(Document d, String key) {
        Date date = d.getDate(key);
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    static Optional<Long> number(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }
}
