package org.carehotline.config;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.carehotline.retention.RetentionAction;
import org.carehotline.retention.RetentionKind;
import org.carehotline.retention.RetentionPolicy;

/** Reads the {@code retention.*} keys into a {@link RetentionPolicy}. */
final class RetentionSettings {

    /** The longest period accepted: a hundred years. */
    private static final int MAX_DAYS = 36_500;

    private RetentionSettings() {
    }

    static RetentionPolicy read(Settings s, ZoneId zone) {
        Map<RetentionKind, RetentionPolicy.Rule> rules = new EnumMap<>(RetentionKind.class);
        for (RetentionKind kind : RetentionKind.values()) {
            String prefix = "retention." + kind.code();
            String action = s.oneOf(prefix + ".action", RetentionAction.CODES);
            rules.put(kind, new RetentionPolicy.Rule(s.integer(prefix + ".days", 0, MAX_DAYS),
                    RetentionAction.CODES.contains(action) ? RetentionAction.parse(action) : RetentionAction.ANONYMISE));
        }
        return new RetentionPolicy(s.bool("retention.enabled"), s.integer("retention.hour", 0, 23), zone, rules,
                s.integer("retention.batch-size", 10, 10_000));
    }
}
