package org.carehotline.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An opening range within one day, in minutes after midnight: open at {@code start}, closed at
 * {@code end} (24:00 is the end of the day). Unlike the {@code hours.weekly} key, a range never
 * runs past midnight here: a night shift is two ranges on two days, so that a range typed the
 * wrong way round is caught instead of silently becoming an overnight shift.
 */
public record DayRange(int start, int end) {

    static final int DAY = 24 * 60;
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    public DayRange {
        if (start < 0 || end > DAY || end <= start) {
            throw new IllegalArgumentException("not a range within a day: " + start + ".." + end);
        }
    }

    /**
     * Parses {@code HH:MM-HH:MM}.
     *
     * @throws Problem.Invalid {@code settings.error.time} for a malformed time,
     *                         {@code settings.error.backwards} for an end not after the start
     */
    static DayRange parse(String text) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            throw new Problem.Invalid("settings.error.time", text.strip());
        }
        int start = time(m.group(1));
        int end = time(m.group(2));
        if (start == DAY) {
            throw new Problem.Invalid("settings.error.time", text.strip());
        }
        if (end <= start) {
            throw new Problem.Invalid("settings.error.backwards", text.strip());
        }
        return new DayRange(start, end);
    }

    /**
     * Parses a comma-separated list (empty: none), sorted by start.
     *
     * @throws Problem.Invalid as {@link #parse}, or {@code settings.error.overlap} naming two ranges that overlap
     */
    static List<DayRange> parseList(String text) {
        List<DayRange> ranges = new ArrayList<>();
        for (String part : text.split("[,，;]")) {
            if (!part.isBlank()) {
                ranges.add(parse(part));
            }
        }
        ranges.sort(Comparator.comparingInt(DayRange::start));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).start < ranges.get(i - 1).end) {
                throw new Problem.Invalid("settings.error.overlap", ranges.get(i - 1) + " / " + ranges.get(i));
            }
        }
        return List.copyOf(ranges);
    }

    /** Minutes after midnight of {@code HH:MM}, 00:00 to 24:00. */
    static int time(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (min < 60 && (h < 24 || h == 24 && min == 0)) {
                return h * 60 + min;
            }
        }
        throw new Problem.Invalid("settings.error.time", text.strip());
    }

    /** The ranges as the form and the {@code hours.*} syntax write them: {@code 08:00-12:00,13:30-22:00}. */
    static String join(List<DayRange> ranges) {
        return String.join(",", ranges.stream().map(DayRange::toString).toList());
    }

    @Override
    public String toString() {
        return format(start) + "-" + format(end);
    }

    private static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
