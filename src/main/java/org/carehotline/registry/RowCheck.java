package org.carehotline.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.carehotline.cases.PhoneNumbers;
import org.carehotline.registry.RegistryColumns.Column;
import org.carehotline.vocabulary.Vocabulary;

/**
 * Validates registry rows one by one, remembering numbers already seen so that the second row
 * with a number is rejected as a duplicate of the first (one worker, one record). Occupations,
 * regions and dialects are mapped onto the vocabulary's codes; a value it does not know is kept
 * as {@code other: <value>}, never a reason to reject the row.
 */
final class RowCheck {

    /** A Chinese plate: province character, letter, 5 (or 6, new-energy) letters and digits, optional 挂/学/警. */
    private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}[\\u4e00-\\u9fa5]?");

    private final RegistryColumns columns;
    private final Map<String, Integer> seen = new HashMap<>();

    RowCheck(RegistryColumns columns) {
        this.columns = columns;
    }

    /**
     * Hands a valid row to {@code accepted}, or every problem it has to {@code rejected} (one
     * rejection per problem, all with the row's line): a union fixing its file sees them all at once.
     */
    void check(CsvFile.Record record, Consumer<Worker> accepted, Consumer<Rejection> rejected) {
        List<String> f = record.fields();
        int line = record.line();
        String name = columns.value(f, Column.NAME);
        String rawPhone = columns.value(f, Column.PHONE);
        String plate = columns.value(f, Column.PLATE).replaceAll("[\\s·.\\-]", "").toUpperCase(Locale.ROOT);
        List<Rejection> problems = new ArrayList<>();
        String phone = PhoneNumbers.normalize(rawPhone).filter(RowCheck::personal).orElse(null);
        if (rawPhone.isEmpty()) {
            problems.add(new Rejection(line, Rejection.MISSING_PHONE, ""));
        } else if (phone == null) {
            problems.add(new Rejection(line, Rejection.INVALID_PHONE, rawPhone));
        }
        if (name.isEmpty()) {
            problems.add(new Rejection(line, Rejection.MISSING_NAME, ""));
        }
        if (!plate.isEmpty() && !PLATE.matcher(plate).matches()) {
            problems.add(new Rejection(line, Rejection.INVALID_PLATE, columns.value(f, Column.PLATE)));
        }
        if (phone != null) {
            // remembered even for a row with other problems: its number is still taken in this file
            Integer first = seen.putIfAbsent(phone, line);
            if (first != null) {
                problems.add(new Rejection(line, Rejection.DUPLICATE, String.valueOf(first)));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(rejected);
            return;
        }
        accepted.accept(new Worker(line, name, phone, Vocabulary.OCCUPATION.toCode(columns.value(f, Column.OCCUPATION)),
                plate, columns.value(f, Column.EMPLOYER), Vocabulary.REGION.toCode(columns.value(f, Column.REGION)),
                Vocabulary.DIALECT.toCodes(columns.value(f, Column.DIALECT))));
    }

    /** A number a worker can be called on: not a short code or a local number without area code. */
    private static boolean personal(String normalized) {
        return normalized.length() >= 10;
    }
}
