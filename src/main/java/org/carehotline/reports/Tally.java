package org.carehotline.reports;

/** A count under a label (a category, an occupation, a region, ...). Empty labels read "not recorded" on the page. */
public record Tally(String label, long count) {
}
