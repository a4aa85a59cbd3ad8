package org.carehotline.telephony.agi;

import java.util.Optional;
import org.carehotline.cases.Category;

/** The inbound menu: which key means what. */
final class MenuKeys {

    /** Keys the menu prompt may be interrupted with. */
    static final String ESCAPE_DIGITS = "0123";

    private MenuKeys() {
    }

    static Optional<Category> category(char key) {
        return switch (key) {
            case '1' -> Optional.of(Category.PSYCHOLOGICAL_SUPPORT);
            case '2' -> Optional.of(Category.LEGAL_ADVICE);
            case '3' -> Optional.of(Category.HARDSHIP_ASSISTANCE);
            case '0' -> Optional.of(Category.CRISIS_INTERVENTION);
            default -> Optional.empty();
        };
    }
}
