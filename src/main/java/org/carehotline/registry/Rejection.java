package org.carehotline.registry;

/**
 * A row the import did not take, and why.
 *
 * @param reason a reason code: the page shows {@code t['reject.' + reason]} (see messages_reports_*.properties)
 * @param detail the value at fault, or the line of the earlier row for a duplicate
 */
public record Rejection(int line, String reason, String detail) {

    static final String MISSING_NAME = "name.missing";
    static final String MISSING_PHONE = "phone.missing";
    static final String INVALID_PHONE = "phone.invalid";
    static final String INVALID_PLATE = "plate.invalid";
    static final String DUPLICATE = "duplicate";
    static final String MISSING_COLUMNS = "columns.missing";
}
