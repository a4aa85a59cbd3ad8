package org.carehotline.settings;

import java.util.Locale;
import org.carehotline.cases.Category;

/** A key of the main menu and the kind of help it asks for. */
public record MenuOption(char digit, Category category) implements KeyOption {

    /** {@code hotline/option-psychological-support} for PSYCHOLOGICAL_SUPPORT. */
    @Override
    public String prompt() {
        return "hotline/option-" + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
