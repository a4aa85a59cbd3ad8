package org.carehotline.routing.hours;

import java.util.Locale;

/** What the line does with a call that arrives while it is closed. */
public enum OutOfHoursAction {

    /** Dial the on-call crisis counselor's number through the trunk. */
    ONCALL,
    /** Record a call-back request, for a counselor to return when the line opens. */
    CALLBACK;

    /**
     * Reads the setting, case-insensitively.
     *
     * @throws IllegalArgumentException for anything but {@code oncall} or {@code callback}
     */
    public static OutOfHoursAction parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "oncall" -> ONCALL;
            case "callback" -> CALLBACK;
            default -> throw new IllegalArgumentException(
                    "'" + text + "': unknown out-of-hours action (expected oncall or callback)");
        };
    }

    /** The setting's spelling, as {@link #parse} reads it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
