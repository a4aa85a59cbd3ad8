package org.carehotline.routing;

import java.util.Optional;
import org.carehotline.cases.Category;

/** What a call needs from a counselor. */
public record CallNeeds(Category category, Optional<String> previousCounselorId) {
}
