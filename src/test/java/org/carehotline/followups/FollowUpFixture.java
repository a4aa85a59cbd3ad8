package org.carehotline.followups;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CareCase;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.Category;
import org.carehotline.cases.ContactRepository;
import org.carehotline.cases.FollowUpContactRepository;
import org.carehotline.counselors.Counselor;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.CallWaker;
import org.carehotline.routing.DeviceState;
import org.carehotline.routing.Router;
import org.carehotline.routing.RoutingRules;
import org.carehotline.store.MongoStore;
import org.carehotline.support.MutableClock;
import org.carehotline.support.TestStores;

/**
 * The follow-up parts as the server builds them, on the embedded store, with a real router, a
 * clock the test moves, a dialer that only records orders, and a feed that records alerts.
 */
final class FollowUpFixture implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Two counselors for psychological support: wang the more skilled. */
    static final Counselor WANG = org.carehotline.support.Counselors.named("wang")
            .skill(Category.PSYCHOLOGICAL_SUPPORT, 5).build();
    static final Counselor LI = org.carehotline.support.Counselors.named("li")
            .skill(Category.PSYCHOLOGICAL_SUPPORT, 3).build();

    final MutableClock clock;
    final MongoStore store;
    final FollowUpRules rules;
    final FollowUpRepository followUps;
    final CaseRepository cases;
    final CallerRepository callers;
    final ContactRepository contacts;
    final Router router;
    final RecordingDialer dialer = new RecordingDialer();
    final RecordingFeed live = new RecordingFeed();
    final FollowUpOutcomes outcomes;
    final FollowUpService service;
    final FollowUpChanges changes;
    final FollowUpDialer dispatcher;
    final FollowUpScheduler scheduler;

    FollowUpFixture(Path dir, MutableClock clock, List<Counselor> counselors) {
        this(dir, clock, counselors, FollowUpRules.defaults());
    }

    FollowUpFixture(Path dir, MutableClock clock, List<Counselor> counselors, FollowUpRules rules) {
        this.clock = clock;
        this.rules = rules;
        this.store = TestStores.open(dir);
        this.followUps = new FollowUpRepository(store);
        this.cases = new CaseRepository(store, SHANGHAI);
        this.callers = new CallerRepository(store);
        this.contacts = new ContactRepository(store);
        this.router = new Router(clock, RoutingRules.defaults(), CallWaker.NONE, LiveFeed.NONE);
        router.setCounselors(counselors);
        counselors.forEach(c -> router.signIn(c.id())); // at their desks; the phones follow
        FollowUpContactRepository followUpContacts = new FollowUpContactRepository(store);
        CounselorLine line = new CounselorLine(router);
        this.outcomes = new FollowUpOutcomes(followUps, followUpContacts, line, live, rules, clock);
        this.service = new FollowUpService(followUps, cases, callers, rules, clock);
        this.changes = new FollowUpChanges(followUps, followUpContacts, cases, outcomes, rules, clock);
        this.dispatcher = new FollowUpDialer(followUps, followUpContacts, cases, line, dialer, outcomes, live, rules,
                clock);
        this.scheduler = new FollowUpScheduler("test", followUps, dispatcher, clock, rules.lease(),
                Duration.ofMillis(50), 4);
    }

    /** The counselor's phone is registered and idle, and they are signed in. */
    void free(Counselor c) {
        router.deviceStateChanged(c.endpoint(), DeviceState.NOT_INUSE);
    }

    void busy(Counselor c) {
        router.deviceStateChanged(c.endpoint(), DeviceState.INUSE);
    }

    /** A worker with a case (their first call), optionally high-risk and with a counselor who owns the case. */
    CareCase workerCase(String phone, boolean highRisk, String ownerId) {
        String callerId = callers.recordCall(phone, clock.instant()).id();
        if (highRisk) {
            store.database().getCollection("callers").updateOne(
                    new org.bson.Document("_id", new org.bson.types.ObjectId(callerId)),
                    new org.bson.Document("$set", new org.bson.Document("highRisk", true)));
        }
        CareCase c = cases.open(callerId, phone, clock.instant());
        cases.addCategory(c.id(), Category.PSYCHOLOGICAL_SUPPORT);
        if (ownerId != null) {
            cases.recordCounselorAnswered(c.id(), ownerId, clock.instant());
        }
        return cases.findById(c.id()).orElseThrow();
    }

    /** Claims and dispatches whatever is due at the clock's time, and waits for it. */
    int poll() throws InterruptedException {
        int n = scheduler.pollOnce();
        scheduler.awaitIdle(Duration.ofSeconds(10));
        return n;
    }

    FollowUp get(String id) {
        return followUps.findById(id).orElseThrow();
    }

    @Override
    public void close() {
        scheduler.kill();
        store.close();
    }

    /** Records orders instead of dialing. */
    static final class RecordingDialer implements OutboundDialer {
        final List<CallbackOrder> calls = new CopyOnWriteArrayList<>();
        final List<CheckinOrder> checkins = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> perFollowUp = new ConcurrentHashMap<>();

        @Override
        public void callCounselorFirst(CallbackOrder order) {
            calls.add(order);
            perFollowUp.computeIfAbsent(order.followUpId(), k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void checkIn(CheckinOrder order) {
            checkins.add(order);
            perFollowUp.computeIfAbsent(order.followUpId(), k -> new AtomicInteger()).incrementAndGet();
        }

        CallbackOrder last() {
            return calls.get(calls.size() - 1);
        }
    }

    /** Remembers crisis alerts and offered calls. */
    static final class RecordingFeed implements LiveFeed {
        final List<String> alerts = new CopyOnWriteArrayList<>();
        final List<String> offered = new CopyOnWriteArrayList<>();

        @Override
        public void boardChanged() {
        }

        @Override
        public void callOffered(String counselorId, String contactId) {
            offered.add(counselorId + ":" + contactId);
        }

        @Override
        public void callAnswered(String counselorId, String contactId) {
        }

        @Override
        public void crisisAlert(String contactId, String reason) {
            alerts.add(reason);
        }
    }
}
