package org.carehotline.reports;

import java.util.List;
import org.carehotline.onward.OnwardStatus;

/**
 * Onward referrals of one kind (or all kinds, for the total row) by where each stands now.
 *
 * @param kind   an {@link org.carehotline.onward.OnwardKind} name; empty for the total row
 * @param counts one count per status, in {@link OnwardStatus} order
 */
public record OnwardRow(String kind, List<Long> counts) {

    public OnwardRow {
        counts = List.copyOf(counts);
        if (counts.size() != OnwardStatus.values().length) {
            throw new IllegalArgumentException("one count per status, got " + counts);
        }
    }

    public long count(OnwardStatus status) {
        return counts.get(status.ordinal());
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
