package org.carehotline.routing.hours;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening range of a day, in minutes after local midnight: {@code start} is open,
 * {@code end} is already closed (half-open, so back-to-back ranges never overlap). An end past
 * {@link #DAY} runs into the next day, which is how {@code 20:00-02:00} is kept.
 */
record DailyRange(int start, int end) {

    static final int DAY = 24 * 60;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final String TIME_FORM = "(expected HH:MM from 00:00 to 24:00)";

    DailyRange {
        if (start < 0 || start >= DAY || end <= start || end > start + DAY) {
            throw new IllegalArgumentException("not a daily range: " + start + ".." + end);
        }
    }

    /**
     * Parses {@code HH:MM-HH:MM}. An end before the start runs past midnight; an end equal to
     * the start is rejected, as it is more likely a typo than a wish for a 24-hour shift.
     */
    static DailyRange parse(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("bad time range '" + text.strip()
                    + "' (expected HH:MM-HH:MM, e.g. 08:00-22:00)");
        }
        int start = minutes(parts[0].strip());
        int end = minutes(parts[1].strip());
        String shown = parts[0].strip() + "-" + parts[1].strip();
        if (start == DAY) {
            throw new IllegalArgumentException("time range '" + shown + "' starts at 24:00 (use 00:00)");
        }
        if (end == start) {
            throw new IllegalArgumentException("empty time range '" + shown
                    + "' (use 00:00-24:00 for all day; an end before the start runs past midnight)");
        }
        return new DailyRange(start, end < start ? end + DAY : end);
    }

    private static int minutes(String text) {
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(1));
            int minutes = Integer.parseInt(m.group(2));
            if (minutes < 60 && (hours < 24 || hours == 24 && minutes == 0)) {
                return hours * 60 + minutes;
            }
        }
        throw new IllegalArgumentException("bad time '" + text + "' " + TIME_FORM);
    }

    boolean crossesMidnight() {
        return end > DAY;
    }

    /** The form {@link #parse} reads: {@code 08:00-22:00}, {@code 20:00-02:00}, {@code 00:00-24:00}. */
    @Override
    public String toString() {
        return format(start) + "-" + format(crossesMidnight() ? end - DAY : end);
    }

    private static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
