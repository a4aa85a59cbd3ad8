package org.carehotline.reports;

/**
 * Registered workers of one group (an occupation, a region, or all) and how many of them the
 * hotline has ever been in touch with.
 *
 * @param reached registered workers who have called the line or been called by it (ever, not only in the period)
 */
public record CoverageRow(String group, long registered, long reached) {

    /** reached / registered in percent, or null for an empty group. */
    public Double percent() {
        return ServiceRow.percent(reached, registered);
    }
}
