package org.carehotline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.carehotline.retention.RetentionAction;
import org.carehotline.retention.RetentionKind;
import org.carehotline.retention.RetentionPolicy;
import org.junit.jupiter.api.Test;

/** The retention.* keys: off with long periods by default, each kind set on its own, bad values named. */
class RetentionConfigTest {

    @Test
    void offByDefaultWithLongPeriodsAndAnonymising() {
        RetentionPolicy policy = HotlineConfig.load(Map.of(), List.of()).retention();

        assertFalse(policy.enabled());
        assertEquals(3, policy.hour());
        assertEquals(new RetentionPolicy.Rule(1825, RetentionAction.ANONYMISE), policy.rule(RetentionKind.CASES));
        assertEquals(new RetentionPolicy.Rule(1095, RetentionAction.ANONYMISE), policy.rule(RetentionKind.AUDIT));
        assertEquals(new RetentionPolicy.Rule(730, RetentionAction.ANONYMISE), policy.rule(RetentionKind.PRESENCE));
        assertEquals(500, policy.batchSize());
        assertEquals("Asia/Shanghai", policy.zone().getId());
    }

    @Test
    void eachKindHasItsOwnPeriodAndActionAndZeroKeepsForEver() {
        RetentionPolicy policy = HotlineConfig.load(Map.of("HOTLINE_RETENTION_AUDIT_ACTION", "delete"),
                List.of("--retention.enabled=true", "--retention.presence.days=0", "--retention.cases.days=3650"))
                .retention();

        assertTrue(policy.enabled());
        assertEquals(new RetentionPolicy.Rule(3650, RetentionAction.ANONYMISE), policy.rule(RetentionKind.CASES));
        assertEquals(RetentionAction.DELETE, policy.rule(RetentionKind.AUDIT).action());
        assertTrue(policy.rule(RetentionKind.PRESENCE).keepsForever());
        assertTrue(policy.cutoff(RetentionKind.PRESENCE, java.time.Instant.now()).isEmpty());
    }

    @Test
    void anUnknownActionAndANegativePeriodAreRefusedWithWhatIsAccepted() {
        ConfigException e = assertThrows(ConfigException.class, () -> HotlineConfig.load(Map.of(),
                List.of("--retention.cases.action=purge", "--retention.audit.days=-1", "--retention.hour=24")));

        assertEquals(List.of(
                "--retention.cases.action (retention.cases.action) = 'purge': expected one of anonymise, delete",
                "--retention.audit.days (retention.audit.days) = '-1': expected a whole number from 0 to 36500",
                "--retention.hour (retention.hour) = '24': expected a whole number from 0 to 23"), e.problems());
    }
}
