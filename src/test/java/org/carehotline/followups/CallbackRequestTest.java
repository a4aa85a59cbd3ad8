package org.carehotline.followups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Category;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.InboundCall;
import org.carehotline.cases.IncomingCall;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call-back left in the queue is a follow-up like any other, carrying what the call was about. */
class CallbackRequestTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private MongoStore store;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCrisisCallersCallBackIsHighRiskAndAnOrdinaryOneIsNot() {
        store = TestStores.open(dir);
        FollowUpRepository followUps = new FollowUpRepository(store);
        CallRecorder recorder = new CallRecorder(new CallerRepository(store), new CaseRepository(store,
                ZoneId.of("Asia/Shanghai")), new ContactRepository(store), followUps, clock);
        InboundCall crisis = recorder.startInbound(new IncomingCall("9.1", "PJSIP/t-1", "13900000401", clock.instant()));
        recorder.recordMenuChoice(crisis, "0", Category.CRISIS_INTERVENTION);
        InboundCall legal = recorder.startInbound(new IncomingCall("9.2", "PJSIP/t-2", "13900000402", clock.instant()));
        recorder.recordMenuChoice(legal, "2", Category.LEGAL_ADVICE);

        FollowUp urgent = followUps.findById(recorder.recordCallbackRequested(crisis)).orElseThrow();
        FollowUp ordinary = followUps.findById(recorder.recordCallbackRequested(legal)).orElseThrow();

        assertTrue(urgent.highRisk());
        assertEquals(Optional.of(Category.CRISIS_INTERVENTION), urgent.category());
        assertFalse(ordinary.highRisk());
        assertEquals(Optional.of(Category.LEGAL_ADVICE), ordinary.category(), "routed to someone with the skill");
        assertEquals(Mode.COUNSELOR_CALL, ordinary.mode());
        assertEquals(clock.instant(), ordinary.firstDueAt());
    }
}
