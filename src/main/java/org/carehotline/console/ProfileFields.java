package org.carehotline.console;

import java.util.ArrayList;
import java.util.List;
import org.carehotline.vocabulary.Vocabulary;

/** The caller profile's coded fields as the form offers and reads them. */
final class ProfileFields {

    private ProfileFields() {
    }

    /** The occupations to choose from: the vocabulary's, and the caller's own when it is none of them ("other: …"). */
    static List<String> occupations(String current) {
        List<String> codes = new ArrayList<>(Vocabulary.OCCUPATION.codes());
        if (current != null && !current.isEmpty() && !codes.contains(current)) {
            codes.add(current);
        }
        return codes;
    }

    /** The dialects to tick: the vocabulary's, and any the caller has that it does not know. */
    static List<String> dialects(String current) {
        List<String> codes = new ArrayList<>(Vocabulary.DIALECT.codes());
        for (String d : current == null ? new String[0] : current.split(",")) {
            if (!d.isBlank() && !codes.contains(d.strip())) {
                codes.add(d.strip());
            }
        }
        return codes;
    }

    /** The ticked dialects as stored (comma-separated codes); a value not offered is an error on the field. */
    static String dialects(List<String> ticked, Form form) {
        List<String> kept = new ArrayList<>();
        for (String d : ticked) {
            if (d.length() > 60) {
                form.error("dialect", "error.invalid");
            } else if (!d.isBlank() && !kept.contains(d)) {
                kept.add(d);
            }
        }
        return String.join(",", kept);
    }
}
