package org.carehotline.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.registry.RegistryColumns.Column;

/**
 * Validates registry rows one by one, remembering numbers already seen so that the second row
 * with a number is rejected as a duplicate of the first (one worker, one record).
 */
final class RowCheck {

    /** A Chinese plate: province character, letter, 5 (or 6, new-energy) letters and digits, optional 挂/学/警. */
    private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}[\\u4e00-\\u9fa5]?");

    private final RegistryColumns columns;
    private final Map<String, Integer> seen = new HashMap<>();

    RowCheck(RegistryColumns columns) {
        this.columns = columns;
    }

    /** Hands a valid row to {@code accepted}, or its first problem to {@code rejected}. */
    void check(CsvFile.Record record, Consumer<Worker> accepted, Consumer<Rejection> rejected) {
        List<String> f = record.fields();
        String name = columns.value(f, Column.NAME);
        String rawPhone = columns.value(f, Column.PHONE);
        String plate = columns.value(f, Column.PLATE).replaceAll("[\\s·.\\-]", "").toUpperCase(Locale.ROOT);
        if (rawPhone.isEmpty()) {
            rejected.accept(new Rejection(record.line(), Rejection.MISSING_PHONE, ""));
            return;
        }
        String phone = PhoneNumbers.normalize(rawPhone).filter(RowCheck::personal).orElse(null);
        if (phone == null) {
            rejected.accept(new Rejection(record.line(), Rejection.INVALID_PHONE, rawPhone));
            return;
        }
        if (name.isEmpty()) {
            rejected.accept(new Rejection(record.line(), Rejection.MISSING_NAME, ""));
            return;
        }
        if (!plate.isEmpty() && !PLATE.matcher(plate).matches()) {
            rejected.accept(new Rejection(record.line(), Rejection.INVALID_PLATE, columns.value(f, Column.PLATE)));
            return;
        }
        Integer first = seen.putIfAbsent(phone, record.line());
        if (first != null) {
            rejected.accept(new Rejection(record.line(), Rejection.DUPLICATE, String.valueOf(first)));
            return;
        }
        accepted.accept(new Worker(record.line(), name, phone, columns.value(f, Column.OCCUPATION), plate,
                columns.value(f, Column.EMPLOYER), columns.value(f, Column.REGION)));
    }

    /** A number a worker can be called on: not a short code or a local number without area code. */
    private static boolean personal(String normalized) {
        return normalized.length() >= 10;
    }
}
