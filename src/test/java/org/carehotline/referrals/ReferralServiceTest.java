package org.carehotline.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpRules;
import org.carehotline.live.LiveFeed;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralServiceTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z"); // 10:00 in Shanghai
    private final List<String> alerts = new ArrayList<>();
    private MongoStore store;
    private ReferralService service;
    private FollowUpRepository followUps;
    private CaseRepository cases;

    @BeforeEach
    void open() {
        store = TestStores.open(dir);
        followUps = new FollowUpRepository(store);
        cases = new CaseRepository(store, ZoneId.of("Asia/Shanghai"));
        LiveFeed live = new LiveFeed() {
            @Override
            public void boardChanged() {
            }

            @Override
            public void callOffered(String counselorId, String contactId) {
            }

            @Override
            public void callAnswered(String counselorId, String contactId) {
            }

            @Override
            public void crisisAlert(String contactId, String reason) {
                alerts.add(reason);
            }
        };
        service = new ReferralService(new ReferralRepository(store), new CallerRepository(store), cases, followUps,
                FollowUpRules.defaults(), live, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReferralBecomesACaseWithAFollowUpDueNowForThePool() {
        Referral r = service.refer("union staff zhang", "+86 139-0000-0301", "stuck on a closed highway for two weeks",
                Urgency.HIGH);
        assertEquals("13900000301", r.workerPhone());
        FollowUp f = followUps.findById(r.followUpId()).orElseThrow();
        assertEquals(r.caseId(), f.caseId());
        assertEquals("pool", f.assignee());
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"), f.dueAt());
        assertTrue(f.highRisk(), "high urgency: served first and escalated if unreachable");
        assertEquals("referral", f.reason());
        assertEquals(1, new ReferralRepository(store).forCase(r.caseId()).size());
        assertTrue(alerts.isEmpty());

        Referral again = service.refer("union staff li", "13900000301", "family asks too", Urgency.NORMAL);
        assertEquals(r.caseId(), again.caseId(), "the worker's open case, not a new one");
    }

    @Test
    void aCrisisReferralAlertsSupervisorsAtOnceAndABadNumberIsRefused() {
        clock.set(Instant.parse("2026-11-23T15:00:00Z")); // 23:00: the call itself waits for the window
        Referral r = service.refer("union staff zhang", "13900000302", "says he will leave the truck", Urgency.CRISIS);
        assertEquals(1, alerts.size());
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"), followUps.findById(r.followUpId()).orElseThrow().dueAt());
        assertTrue(cases.findById(r.caseId()).isPresent());
        assertThrows(IllegalArgumentException.class, () -> service.refer("x", "anonymous", "?", Urgency.NORMAL));
    }
}
