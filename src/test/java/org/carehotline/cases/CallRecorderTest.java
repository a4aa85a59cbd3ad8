package org.carehotline.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.carehotline.followups.FollowUp;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call recorder against the embedded MongoDB through the real driver. */
class CallRecorderTest {

    @TempDir
    Path dataDir;
    private MongoStore store;
    private final MutableClock clock = MutableClock.at("2026-11-22T08:00:00Z");
    private CallRecorder recorder;
    private CaseRepository cases;
    private ContactRepository contacts;
    private FollowUpRepository followUps;

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        cases = new CaseRepository(store, ZoneId.of("Asia/Shanghai"));
        contacts = new ContactRepository(store);
        followUps = new FollowUpRepository(store);
        recorder = new CallRecorder(new CallerRepository(store), cases, contacts, followUps, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private InboundCall arrive(String uniqueId, String number) {
        return recorder.startInbound(new IncomingCall(uniqueId, "PJSIP/trunk-1", number, clock.instant()));
    }

    @Test
    void aNewCallerGetsACaseAndTheirNextCallLandsOnIt() {
        InboundCall first = arrive("1.1", "+86 138 0013 8000");
        clock.advance(Duration.ofDays(2));
        InboundCall second = arrive("1.2", "13800138000");

        assertFalse(first.returning());
        assertTrue(second.returning());
        assertEquals(first.careCase().id(), second.careCase().id());
        assertEquals("HL-2026-000001", first.careCase().number());
        assertEquals(2, cases.findById(first.careCase().id()).orElseThrow().contactCount());
        assertEquals(2, contacts.forCase(first.careCase().id()).size());
    }

    @Test
    void answeredCallGetsWaitAndTalkFromTheRecordedTimes() {
        InboundCall call = arrive("2.1", "13900000001");
        clock.advance(Duration.ofSeconds(12));
        recorder.recordMenuChoice(call, "1", Category.PSYCHOLOGICAL_SUPPORT);
        recorder.recordOffered(call.contactId(), "c1", "test");
        Instant answeredAt = clock.instant().plusSeconds(8);
        recorder.recordAnswered(call.contactId(), "c1", answeredAt);
        recorder.recordEnded(call.contactId(), answeredAt.plusSeconds(300));
        // a late duplicate from the other side (AMI) changes nothing
        recorder.recordAnswered(call.contactId(), "c2", answeredAt.plusSeconds(1));
        recorder.recordEnded(call.contactId(), answeredAt.plusSeconds(999));

        Contact contact = contacts.findById(call.contactId()).orElseThrow();
        assertEquals(Optional.of(Disposition.ANSWERED), contact.disposition());
        assertEquals(Optional.of("c1"), contact.answeredBy());
        assertEquals(Optional.of(8L), contact.waitSeconds());
        assertEquals(Optional.of(300L), contact.talkSeconds());
        assertEquals(Optional.of("ANSWER"), contact.offers().get(0).outcome());
        CareCase careCase = cases.findById(call.careCase().id()).orElseThrow();
        assertEquals(CaseStatus.ACTIVE, careCase.status());
        assertEquals(Optional.of("c1"), careCase.ownerId());
        assertEquals(List.of(Category.PSYCHOLOGICAL_SUPPORT), careCase.categories());
        assertEquals(Optional.of("c1"), arrive("2.2", "13900000001").previousCounselorId(),
                "the caller remembers their counselor");
    }

    @Test
    void unansweredCallIsAbandonedAndMissedOffersKeepTheirDialStatus() {
        InboundCall call = arrive("3.1", "13900000002");
        recorder.recordMenuChoice(call, "2", Category.LEGAL_ADVICE);
        recorder.recordOffered(call.contactId(), "c1", "test");
        recorder.recordOfferMissed(call.contactId(), "c1", "NOANSWER");
        clock.advance(Duration.ofSeconds(40));
        recorder.recordEnded(call.contactId(), clock.instant());

        Contact contact = contacts.findById(call.contactId()).orElseThrow();
        assertEquals(Optional.of(Disposition.ABANDONED), contact.disposition());
        assertEquals(Optional.of(40L), contact.waitSeconds());
        assertEquals(Optional.empty(), contact.talkSeconds());
        assertEquals(Optional.of("NOANSWER"), contact.offers().get(0).outcome());
    }

    @Test
    void callbackRequestBecomesAPoolFollowUpOnTheCase() {
        InboundCall call = arrive("4.1", "13900000003");
        recorder.recordCallbackRequested(call);
        recorder.recordEnded(call.contactId(), clock.instant());

        List<FollowUp> due = followUps.forCase(call.careCase().id());
        assertEquals(1, due.size());
        assertEquals("13900000003", due.get(0).phone());
        assertEquals(FollowUpRepository.ASSIGNEE_POOL, due.get(0).assignee());
        assertEquals(Optional.of(Disposition.CALLBACK_REQUESTED),
                contacts.findById(call.contactId()).orElseThrow().disposition());
    }

    @Test
    void anonymousAndMalformedCallersEachGetTheirOwnCaseWithTheRawNumberKept() {
        InboundCall anonymous = arrive("5.1", "anonymous");
        InboundCall garbled = arrive("5.2", "12AB");

        assertTrue(anonymous.caller().isEmpty());
        assertNotEquals(anonymous.careCase().id(), garbled.careCase().id());
        assertEquals("12AB", contacts.findById(garbled.contactId()).orElseThrow().callerNumber());
        assertEquals(Optional.of(garbled.contactId()), recorder.contactIdForChannel("5.2"));
        assertEquals(Optional.empty(), recorder.contactIdForChannel(null), "an event without a channel id finds nothing");
        assertEquals(Optional.empty(), recorder.contactIdForChannel(""));
    }

    @Test
    void unfinishedCallsAreListedForReconciliation() {
        InboundCall open = arrive("6.1", "13900000004");
        InboundCall done = arrive("6.2", "13900000005");
        recorder.recordEnded(done.contactId(), clock.instant());

        clock.advance(Duration.ofSeconds(1));
        InboundCall later = arrive("6.3", "13900000006");

        List<String> unfinished = recorder.unfinishedCalls(clock.instant().minus(Duration.ofHours(1)), later.careCase()
                .openedAt()).stream().map(Contact::id).toList();
        assertEquals(List.of(open.contactId()), unfinished, "calls started at or after the bound are left alone");
    }

    @Test
    void concurrentFirstCallsGetDistinctCaseNumbers() throws Exception {
        java.util.Set<String> numbers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 25; i++) {
                    numbers.add(arrive("7." + thread + "." + i, String.format("139%04d%04d", thread, i))
                            .careCase().number());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(400, numbers.size(), "400 new callers, 400 distinct case numbers");
        assertEquals(400, cases.recent(1000).size());
    }
}
