package org.carehotline;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.ContactRepository;
import org.carehotline.config.ConfigException;
import org.carehotline.config.HotlineConfig;
import org.carehotline.console.ConsoleServer;
import org.carehotline.alerts.CrisisAlertRepository;
import org.carehotline.alerts.CrisisAlerts;
import org.carehotline.console.EventBusLiveFeed;
import org.carehotline.counselors.AccountBootstrap;
import org.carehotline.counselors.CounselorRepository;
import org.carehotline.counselors.PasswordHasher;
import org.carehotline.cases.FollowUpContactRepository;
import org.carehotline.cases.SurveyConsent;
import org.carehotline.followups.CounselorLine;
import org.carehotline.followups.FollowUpChanges;
import org.carehotline.followups.FollowUpDialer;
import org.carehotline.followups.FollowUpOutcomes;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.followups.FollowUpRules;
import org.carehotline.followups.FollowUpScheduler;
import org.carehotline.followups.FollowUpService;
import org.carehotline.followups.SurveyRepository;
import org.carehotline.followups.Surveys;
import org.carehotline.presence.PresenceLogRepository;
import org.carehotline.presence.PresenceRecorder;
import org.carehotline.audit.AuditLog;
import org.carehotline.referrals.ReferralRepository;
import org.carehotline.schedule.DailyCheck;
import org.carehotline.backup.StoreBackups;
import org.carehotline.backup.RestoreCommand;
import org.carehotline.retention.RetentionSweep;
import org.carehotline.referrals.ReferralService;
import org.carehotline.reports.ReportRoutes;
import org.carehotline.reports.ReportSettings;
import org.carehotline.routing.DeskStateRepository;
import org.carehotline.routing.Router;
import org.carehotline.settings.PromptCatalog;
import org.carehotline.settings.SettingsRepository;
import org.carehotline.settings.SettingsService;
import org.carehotline.store.MongoStore;
import org.carehotline.telephony.agi.DialplanNames;
import org.carehotline.telephony.agi.FastAgiService;
import org.carehotline.telephony.agi.CallbackScript;
import org.carehotline.telephony.agi.CheckinScript;
import org.carehotline.telephony.agi.SurveyScript;
import org.carehotline.telephony.agi.InboundScript;
import org.carehotline.telephony.ami.AmiCallMonitor;
import org.carehotline.telephony.ami.AmiCallWaker;
import org.carehotline.telephony.ami.AmiLink;
import org.carehotline.telephony.ami.CallTracker;
import org.carehotline.telephony.ami.Originator;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.carehotline.console.Blocking;
import org.carehotline.metrics.FollowUpGauges;
import org.carehotline.metrics.HotlineGauges;
import org.carehotline.metrics.HotlineMetrics;
import org.carehotline.metrics.MetricsEndpoint;
import org.carehotline.metrics.RoutingTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part with plain constructors, starts them in order
 * (store, accounts, routing, AMI, FastAGI, console) and stops them in reverse.
 */
public final class HotlineApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HotlineApp.class);

    /** How often the daily jobs (retention sweep, backup) check whether their hour has come. */
    private static final Duration DAILY_CHECK = Duration.ofMinutes(5);

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("routing-tick").daemon().factory());
    private final MongoStore store;
    private final Router router;
    private final EventBusLiveFeed live;
    private final PresenceRecorder presence;
    private final SettingsService settings;
    private final AmiLink ami;
    private final FastAgiService agi;
    private final Vertx vertx;
    private final ConsoleServer console;
    private final FollowUpService followUps;
    private final Surveys surveys;
    private final ReferralService referrals;
    private final FollowUpScheduler followUpScheduler;
    private final int httpPort;
    private final HotlineMetrics metrics = new HotlineMetrics();
    private final FollowUpGauges followUpGauges;
    private final DailyCheck dailySweep;
    private final DailyCheck dailyBackup;

    private HotlineApp(HotlineConfig config, Clock clock) {
        String instance = instanceId();
        store = MongoStore.open(config.store(), List.of(new MongoMetricsCommandListener(metrics.registry())));
        new org.carehotline.cases.CallerVocabularyMigration(store).run();
        CounselorRepository counselors = new CounselorRepository(store);
        createAccounts(config, counselors);

        CaseRepository cases = new CaseRepository(store, config.calls().zone());
        ContactRepository contacts = new ContactRepository(store);
        CallerRepository callers = new CallerRepository(store);
        FollowUpRepository followUpRecords = new FollowUpRepository(store);
        // Vert.x first: the live feed publishes on its event bus from routing and AMI threads
        vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry())).build();
        live = new EventBusLiveFeed(vertx.eventBus());
        CallRecorder recorder = new CallRecorder(callers, cases, contacts, followUpRecords, clock, live);
        AmiCallWaker waker = new AmiCallWaker(virtualThreads);
        presence = new PresenceRecorder(new PresenceLogRepository(store), instance, clock);
        presence.start();
        router = new Router(clock, config.routing(), waker, live, presence);
        router.setCounselors(counselors.findAll());
        // who was at their desk before a restart takes calls again at once
        DeskStateRepository desks = new DeskStateRepository(store);
        router.restoreDesks(desks.all());
        router.onDeskChange((counselorId, console) -> desks.save(counselorId, console, clock.instant()));
        router.onTimings(new RoutingTimers(metrics.registry()));
        router.startTicking(scheduler, Duration.ofSeconds(1));

        ami = new AmiLink(config.ami(), new CallTracker(router, recorder, live, clock), clock);
        waker.attach(ami);

        FollowUpRules followUpRules = config.followups().rules();
        FollowUpContactRepository followUpContacts = new FollowUpContactRepository(store);
        CounselorLine line = new CounselorLine(router);
        FollowUpOutcomes outcomes = new FollowUpOutcomes(followUpRecords, followUpContacts, line, live, followUpRules,
                clock);
        Originator originator = new Originator(ami, config.calls().trunk(), followUpRules.callerId(), outcomes,
                virtualThreads);
        followUps = new FollowUpService(followUpRecords, cases, callers, followUpRules, clock);
        FollowUpChanges followUpChanges = new FollowUpChanges(followUpRecords, followUpContacts, cases, outcomes,
                followUpRules, clock);
        surveys = new Surveys(new SurveyRepository(store, followUpRecords), cases, callers, new SurveyConsent(store),
                outcomes, followUpRules, config.followups().surveys(), clock);
        referrals = new ReferralService(new ReferralRepository(store), callers, cases, followUpRecords, followUpRules,
                live, clock);
        ami.start();

        PromptCatalog prompts = PromptCatalog.of(config.calls().promptTable());
        settings = new SettingsService(new SettingsRepository(store), prompts, config.calls(), clock);
        settings.refresh();
        settings.startRefreshing();
        if (!settings.missingPrompts().isEmpty()) {
            log.warn("Line settings v{} play prompts missing from {}: {}", settings.active().version().version(),
                    prompts.source(), settings.missingPrompts());
        }

        CheckinScript.Parts checkinParts = new CheckinScript.Parts(outcomes, router, config.calls(),
                config.routing().overflowAfterSeconds(), live, clock);
        // the mapping table: one script per dialplan entry, named like it
        Map<String, AgiScript> scripts = Map.of(
                DialplanNames.SCRIPT_INBOUND, new InboundScript(new InboundScript.Parts(recorder, router,
                        config.calls(), config.routing(), live, clock, virtualThreads, settings)),
                DialplanNames.SCRIPT_CALLBACK, new CallbackScript(new CallbackScript.Parts(outcomes,
                        config.calls().trunk(), followUpRules.workerRingSeconds(), followUpRules.callerId(),
                        clock)),
                DialplanNames.SCRIPT_CHECKIN, new CheckinScript(checkinParts),
                DialplanNames.SCRIPT_SURVEY, new SurveyScript(new SurveyScript.Parts(surveys, checkinParts)));
        agi = new FastAgiService(config.agi(), scripts);
        agi.start();
        HotlineGauges.register(metrics.registry(), router, agi, ami);
        followUpGauges = new FollowUpGauges(metrics.registry(), followUpRecords, clock);
        followUpGauges.start();

        followUpScheduler = new FollowUpScheduler(instance, followUpRecords, new FollowUpDialer(followUpRecords,
                followUpContacts, cases, line, originator, outcomes, live, followUpRules, clock,
                java.util.Optional.of(surveys)), clock,
                followUpRules.lease(), config.followups().poll(), config.followups().concurrency());
        if (config.followups().enabled()) {
            followUpScheduler.start();
        }

        RetentionSweep retention = new RetentionSweep(store, config.retention(), new AuditLog(store), clock);
        // the day marked swept even after a failure: tomorrow's sweep picks up whatever is left
        dailySweep = new DailyCheck("retention-sweep", retention::runDailyIfDue, DAILY_CHECK);
        dailySweep.start(config.retention().enabled());
        StoreBackups backups = new StoreBackups(store, config.backup(), new AuditLog(store), clock);
        // a failed day is retried at the next check: its file is not there
        dailyBackup = new DailyCheck("daily-backup", backups::runDailyIfDue, DAILY_CHECK);
        dailyBackup.start(config.backup().enabled() && backups.available());

        console = new ConsoleServer(vertx, config.http(), new ConsoleServer.Sources(store, agi, ami::status, cases,
                contacts, counselors, config.calls().zone(), router, live, clock, new AmiCallMonitor(ami),
                new ReportRoutes(vertx, new ReportRoutes.Parts(store, new ReportSettings(
                        config.reports().shortAbandonSeconds(), config.reports().serviceLevelSeconds()),
                        config.calls().zone(), config.http().templates(), virtualThreads, clock)),
                followUps, followUpChanges, surveys, settings, new CrisisAlerts(new CrisisAlertRepository(store), clock,
                config.alerts().reraiseAfter()),
                new MetricsEndpoint(metrics, config.metrics().token(), new Blocking(virtualThreads)::run), retention, backups,
                referrals,
                config.api()),
                virtualThreads);
        httpPort = console.start().await();
    }

    /** Names this process in follow-up leases: host, process id and a random suffix. */
    private static String instanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    }

    /** Starts the whole server; throws if a port cannot be bound. */
    public static HotlineApp start(HotlineConfig config, Clock clock) {
        return new HotlineApp(config, clock);
    }

    private static void createAccounts(HotlineConfig config, CounselorRepository counselors) {
        AccountBootstrap bootstrap = new AccountBootstrap(counselors, new PasswordHasher());
        String generated = bootstrap.ensureAdministrator(config.accounts().adminPassword());
        if (generated != null) {
            // Printed once, on the console only: it is not stored anywhere in clear.
            System.out.println("\n  First start: administrator 'admin', password " + generated
                    + "\n  (shown only now; set HOTLINE_ADMIN_PASSWORD to choose it)\n");
        }
        if (config.accounts().demo()) {
            bootstrap.loadDemoCounselors();
        }
    }

    /** The console's port (the one the system picked when configured as 0). */
    public int httpPort() {
        return httpPort;
    }

    /** The FastAGI port (the one the system picked when configured as 0). */
    public int agiPort() {
        return agi.port();
    }

    public AmiLink ami() {
        return ami;
    }

    /** The live routing state (for operations tools and tests). */
    public Router router() {
        return router;
    }

    /** The line settings in force: hours, holidays, menus (for the console and tests). */
    public SettingsService settings() {
        return settings;
    }

    /** The presence log's writer (tests flush it to read what it wrote). */
    public PresenceRecorder presence() {
        return presence;
    }

    /** Scheduling follow-ups on cases (for the console and tests). */
    public FollowUpService followUps() {
        return followUps;
    }

    /** The satisfaction surveys after closed cases (for the console and tests). */
    public Surveys surveys() {
        return surveys;
    }

    /** Referrals from union staff (for the console and tests). */
    public ReferralService referrals() {
        return referrals;
    }

    /** The integration API's routes as its router holds them (the OpenAPI test compares them with the document). */
    public List<String> apiRoutes() {
        return console.apiRoutes();
    }

    /** This server's follow-up scheduler (for operations tools and tests). */
    public FollowUpScheduler followUpScheduler() {
        return followUpScheduler;
    }

    /** The live feed the console listens to (tests publish on it as the telephony side would). */
    public org.carehotline.live.LiveFeed liveFeed() {
        return live;
    }

    /** The database this server uses (for operations tools and tests). */
    public MongoStore store() {
        return store;
    }

    @Override
    public void close() {
        dailySweep.close();
        dailyBackup.close();
        followUpScheduler.close();
        console.close();
        agi.close();
        ami.close();
        vertx.close().await();
        followUpGauges.close();
        metrics.close();
        scheduler.shutdownNow();
        settings.close();
        presence.close();
        virtualThreads.shutdownNow();
        store.close();
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(HotlineConfig.help());
            return;
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(RestoreCommand.run(List.of(args).subList(1, args.length), System.getenv()));
            return;
        }
        HotlineConfig config;
        try {
            config = HotlineConfig.load(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.err.println("Run with --help for every key and its accepted values.");
            System.exit(2);
            return;
        }
        HotlineApp app;
        try {
            app = start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            log.error("Care Hotline could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        log.info("Care Hotline is up: console http://{}:{}/ · FastAGI {}:{} · AMI {}:{}", config.http().host(),
                app.httpPort(), config.agi().bind(), app.agiPort(), config.ami().host(), config.ami().port());
    }
}
