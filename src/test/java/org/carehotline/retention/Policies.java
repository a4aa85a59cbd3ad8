package org.carehotline.retention;

import java.util.Map;

/** Retention policies for tests: five years for cases, three for audit, two for presence, batches of two. */
final class Policies {

    private Policies() {
    }

    static RetentionPolicy of(boolean enabled, RetentionAction cases, RetentionAction audit, RetentionAction presence) {
        return new RetentionPolicy(enabled, 3, RetentionRecords.SHANGHAI, Map.of(
                RetentionKind.CASES, new RetentionPolicy.Rule(1825, cases),
                RetentionKind.AUDIT, new RetentionPolicy.Rule(1095, audit),
                RetentionKind.PRESENCE, new RetentionPolicy.Rule(730, presence)), 2);
    }

    static RetentionPolicy anonymising() {
        return of(true, RetentionAction.ANONYMISE, RetentionAction.ANONYMISE, RetentionAction.ANONYMISE);
    }

    static RetentionPolicy deleting() {
        return of(true, RetentionAction.DELETE, RetentionAction.DELETE, RetentionAction.DELETE);
    }
}
