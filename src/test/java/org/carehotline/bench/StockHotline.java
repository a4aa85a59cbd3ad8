package org.carehotline.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.ContactRepository;
import org.carehotline.config.HotlineConfig;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.Router;
import org.carehotline.settings.PromptCatalog;
import org.carehotline.settings.SettingsRepository;
import org.carehotline.settings.SettingsService;
import org.carehotline.store.MongoStore;
import org.carehotline.telephony.agi.DialplanNames;
import org.carehotline.telephony.agi.InboundScript;
import org.carehotline.telephony.ami.AmiCallWaker;
import org.carehotline.telephony.ami.AmiLink;
import org.carehotline.telephony.ami.CallTracker;

/**
 * The comparison server: the same parts as {@code HotlineApp} (store, recorder, router, AMI
 * link and wake-ups, the same {@link InboundScript}) behind a stock asterisk-java
 * {@link DefaultAgiServer} with its default thread pool (10 core threads, at most 500, a
 * {@code SynchronousQueue}: the 501st concurrent session is refused and its socket closed,
 * "Execution was rejected by pool"). Only counting is added; the pool is untouched. No
 * console (it plays no part in calls).
 */
final class StockHotline implements AutoCloseable {

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-tick").daemon().factory());
    private final MongoStore store;
    private final Router router;
    private final AmiLink ami;
    private final CountingAgiServer agi;

    /** The stock server; counts refusals and running sessions without changing how it runs them. */
    private static final class CountingAgiServer extends DefaultAgiServer {
        final AtomicLong rejected = new AtomicLong();
        final AtomicInteger active = new AtomicInteger();
        final CountDownLatch bound = new CountDownLatch(1);

        @Override
        protected void execute(Runnable session) {
            try {
                super.execute(() -> {
                    active.incrementAndGet();
                    try {
                        session.run();
                    } finally {
                        active.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException e) {
                rejected.incrementAndGet();
                throw e;
            }
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            bound.countDown();
            return socket;
        }
    }

    /** The line settings as the real server reads them: the newest saved version, else the keys. */
    private SettingsService settings(HotlineConfig config, Clock clock) {
        SettingsService settings = new SettingsService(new SettingsRepository(store),
                PromptCatalog.of(config.calls().promptTable()), config.calls(), clock);
        settings.refresh();
        return settings;
    }

    private StockHotline(HotlineConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        store = MongoStore.open(config.store());
        CounselorRepository counselors = new CounselorRepository(store);
        CaseRepository cases = new CaseRepository(store, config.calls().zone());
        CallRecorder recorder = new CallRecorder(new CallerRepository(store), cases, new ContactRepository(store),
                new FollowUpRepository(store), clock);
        AmiCallWaker waker = new AmiCallWaker(virtualThreads);
        router = new Router(clock, config.routing(), waker, LiveFeed.NONE);
        router.setCounselors(counselors.findAll());
        counselors.findAll().forEach(c -> router.signIn(c.id())); // the simulated counselors are at their desks
        router.startTicking(scheduler, Duration.ofSeconds(1));
        ami = new AmiLink(config.ami(), new CallTracker(router, recorder, LiveFeed.NONE, clock), clock);
        waker.attach(ami);
        ami.start();

        Map<String, AgiScript> scripts = new HashMap<>();
        scripts.put(DialplanNames.SCRIPT_INBOUND, new InboundScript(new InboundScript.Parts(recorder, router,
                config.calls(), config.routing(), LiveFeed.NONE, clock, virtualThreads, settings(config, clock))));
        agi = new CountingAgiServer();
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(scripts);
        agi.setMappingStrategy(mapping);
        agi.setAddress(InetAddress.getByName(config.agi().bind()));
        agi.setPort(config.agi().port());
        Thread accept = new Thread(() -> {
            try {
                agi.startup();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }, "agi-accept");
        accept.setDaemon(true);
        accept.start();
        if (!agi.bound.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stock FastAGI server did not bind");
        }
    }

    static StockHotline start(HotlineConfig config) throws Exception {
        return new StockHotline(config);
    }

    Router router() {
        return router;
    }

    int sessionsActive() {
        return agi.active.get();
    }

    long rejected() {
        return agi.rejected.get();
    }

    @Override
    public void close() {
        agi.shutdown();
        ami.close();
        scheduler.shutdownNow();
        virtualThreads.shutdownNow();
        store.close();
    }
}
