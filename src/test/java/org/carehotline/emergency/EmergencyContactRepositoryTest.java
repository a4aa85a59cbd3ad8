package org.carehotline.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.carehotline.cases.RiskLevel;
import org.carehotline.store.MongoStore;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emergency record on the embedded store: entries in the order things happened, per case. */
class EmergencyContactRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    @TempDir
    Path dataDir;
    private MongoStore store;

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static EmergencyContact entry(String caseId, EmergencyParty party, EmergencyResult result, Instant at,
                                          Instant recordedAt) {
        return new EmergencyContact("", caseId, party, "", result, "", at, "u1", "王芳", recordedAt);
    }

    @Test
    void entriesComeInTheOrderTheContactsWereMadeNotWritten() {
        EmergencyContactRepository record = new EmergencyContactRepository(store);
        // the counselor called 120 first but wrote it down after the 110 entry, setting its time back
        EmergencyContact police = record.add(new EmergencyContact("", "case-1", EmergencyParty.POLICE_110,
                "高速交警", EmergencyResult.DISPATCHED, "京港澳高速 K512", T0.plusSeconds(120), "u1", "王芳",
                T0.plusSeconds(180)));
        record.add(entry("case-1", EmergencyParty.AMBULANCE_120, EmergencyResult.REACHED, T0, T0.plusSeconds(240)));
        record.add(entry("case-2", EmergencyParty.FAMILY, EmergencyResult.NO_ANSWER, T0, T0));

        List<EmergencyContact> entries = record.forCase("case-1");
        assertEquals(List.of(EmergencyParty.AMBULANCE_120, EmergencyParty.POLICE_110),
                entries.stream().map(EmergencyContact::party).toList());
        assertEquals(police, entries.get(1), "stored as given, with its new id");
        assertFalse(police.id().isEmpty());
    }

    @Test
    void keptForHighAndImminentRiskOnly() {
        assertTrue(EmergencyContact.keptFor(RiskLevel.IMMINENT));
        assertTrue(EmergencyContact.keptFor(RiskLevel.HIGH));
        assertFalse(EmergencyContact.keptFor(RiskLevel.MODERATE));
        assertFalse(EmergencyContact.keptFor(RiskLevel.NONE));
    }
}
