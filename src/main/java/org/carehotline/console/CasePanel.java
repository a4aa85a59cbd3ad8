package org.carehotline.console;

import java.time.Instant;
import java.util.List;
import org.carehotline.cases.CaseFile;

/**
 * A part of the case page that a feature adds on its own: the model its template include reads,
 * and its entries on the case timeline, which {@link CasePage} merges in time order with the
 * rest. Called on the page's virtual thread. Blocking.
 */
interface CasePanel {

    /** Puts what the panel's include needs into the page's model. */
    void addTo(Reply.View view, CaseFile file);

    /** The panel's entries for the case timeline, in any order. */
    List<Item> timeline(CaseFile file);

    /**
     * One timeline entry, shown like the page's own: {@code kind} names the text
     * {@code kind.<kind>}, {@code label} is a text key, {@code detail} is shown as written.
     */
    record Item(Instant at, String type, String kind, String label, String detail, String who) {}
}
