package org.carehotline.followups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A named series of follow-ups, each an offset from the moment the plan starts: "after a
 * crisis" calls at +24 h, +72 h and +7 days; "hardship pairing" makes at least three contacts a
 * quarter. Plans are configured (key {@code followups.plans}).
 */
public record FollowUpPlan(String id, List<Duration> offsets) {

    public FollowUpPlan {
        offsets = List.copyOf(offsets);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("plan " + id + " has no steps");
        }
    }

    /**
     * Parses {@code after-crisis=24h,72h,7d;hardship-pairing=30d,60d,89d}: plans separated by
     * semicolons, offsets in minutes (m), hours (h) or days (d).
     */
    public static List<FollowUpPlan> parseAll(String text) {
        List<FollowUpPlan> plans = new ArrayList<>();
        for (String spec : text.split(";")) {
            if (spec.isBlank()) {
                continue;
            }
            String[] parts = spec.split("=", 2);
            if (parts.length != 2 || !parts[0].strip().matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("expected name=offsets, got '" + spec.strip() + "'");
            }
            List<Duration> offsets = new ArrayList<>();
            for (String offset : parts[1].split(",")) {
                offsets.add(parseOffset(offset.strip()));
            }
            plans.add(new FollowUpPlan(parts[0].strip(), offsets));
        }
        return plans;
    }

    static Duration parseOffset(String text) {
        if (!text.matches("\\d{1,5}[mhd]")) {
            throw new IllegalArgumentException("expected an offset like 30m, 24h or 7d, got '" + text + "'");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
