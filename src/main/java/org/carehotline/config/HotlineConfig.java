package org.carehotline.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.routing.RoutingRules;
import org.carehotline.routing.hours.OpeningHours;
import org.carehotline.routing.hours.OutOfHoursAction;

/**
 * The whole configuration, typed and immutable, loaded once at startup. Each feature receives
 * only its own part.
 */
public record HotlineConfig(
        HttpConfig http,
        AgiConfig agi,
        AmiConfig ami,
        StoreConfig store,
        AccountsConfig accounts,
        CallConfig calls,
        RoutingRules routing,
        ReportConfig reports,
        FollowUpConfig followups,
        AlertConfig alerts,
        MetricsConfig metrics,
        org.carehotline.retention.RetentionPolicy retention,
        org.carehotline.backup.BackupPolicy backup,
        ApiConfig api) {

    /**
     * The integration API's rate limit, per token: a bucket of {@code burst} requests refilled
     * at {@code ratePerMinute}.
     */
    public record ApiConfig(int ratePerMinute, int burst) {}

    /** {@code GET /metrics}: the scraper's bearer token; empty: no metrics endpoint. */
    public record MetricsConfig(String token) {}

    /** Crisis alerts: how long one may stay unacknowledged before it is raised again on every screen. */
    public record AlertConfig(java.time.Duration reraiseAfter) {}

    /**
     * Follow-up calls: whether this server runs a scheduler, the rules, and the scheduler's pace.
     *
     * @param concurrency follow-ups dispatched at once by this server
     * @param surveys     the satisfaction survey after a case is closed
     */
    public record FollowUpConfig(boolean enabled, org.carehotline.followups.FollowUpRules rules, java.time.Duration poll,
                                 int concurrency, org.carehotline.followups.SurveyRules surveys) {}

    /**
     * The console's HTTP listener.
     *
     * @param templatesDir a folder whose pages and texts replace the jar's (empty: the jar's only)
     */
    public record HttpConfig(String host, int port, Optional<Path> templatesDir) {

        /** The console's templates and texts: the jar's, each replaced by its namesake in {@code templatesDir}. */
        public BundledFiles templates() {
            return BundledFiles.templates(templatesDir);
        }
    }

    /** The FastAGI server Asterisk connects to. */
    public record AgiConfig(String bind, int port, int headerTimeoutMs) {}

    /** The AMI link to Asterisk, with its reconnect backoff. */
    public record AmiConfig(String host, int port, String user, String secret,
                            int reconnectInitialMs, int reconnectMaxMs) {}

    /** MongoDB: a URI, or empty for the embedded server with its data in {@code dataDir}. */
    public record StoreConfig(String mongoUri, String database, int timeoutMs, Path dataDir, int cacheMb) {

        /** The embedded server's page cache unless configured: its own default (16 MB) re-reads a
         *  few tens of thousands of contacts from the file on every scan. */
        public static final int DEFAULT_CACHE_MB = 256;

        public StoreConfig(String mongoUri, String database, int timeoutMs, Path dataDir) {
            this(mongoUri, database, timeoutMs, dataDir, DEFAULT_CACHE_MB);
        }

        public boolean embedded() {
            return mongoUri.isEmpty();
        }
    }

    /** Report definitions: short-abandon threshold and service-level target, both in seconds of waiting. */
    public record ReportConfig(int shortAbandonSeconds, int serviceLevelSeconds) {}

    /** First-start accounts. An empty admin password means: generate one. */
    public record AccountsConfig(String adminPassword, boolean demo) {}

    /**
     * How calls are handled on the line.
     *
     * The hours, closed action and dialect menu here only seed the line settings, which an
     * administrator edits in the console (see org.carehotline.settings).
     *
     * @param oncallNumber the on-call crisis counselor's number (empty: none)
     * @param dialectMenu  dialects in key order for the dialect menu (empty: no menu)
     * @param dialectMenuAlways play the dialect menu to every new caller, not only when its answer
     *                     could change who gets the call
     * @param promptTable  the prompt table (prompts.tsv) to read instead of the jar's: which prompts
     *                     menu options may use (empty: the jar's)
     * @param waitSliceMs  longest WAIT FOR DIGIT of a waiting caller while AMI can wake them
     * @param waitSliceWithoutAmiMs the same while the AMI link is down
     */
    public record CallConfig(int ringSeconds, String promptLanguage, ZoneId zone, String trunk, String oncallNumber,
                             List<String> dialectMenu, boolean dialectMenuAlways, int announceEverySeconds, int waitSliceMs,
                             int waitSliceWithoutAmiMs,
                             OpeningHours hours, OutOfHoursAction closedAction, Optional<Path> promptTable) {

        /** The on-call number as Asterisk dials it through the trunk, if one is configured. */
        public Optional<String> oncallDialString() {
            return oncallNumber.isEmpty() ? Optional.empty() : Optional.of("PJSIP/" + oncallNumber + "@" + trunk);
        }
    }

    /**
     * Loads the configuration.
     *
     * @param env  the environment ({@code HOTLINE_*} variables override defaults)
     * @param args command-line arguments of the form {@code --key=value} (override the environment)
     * @throws ConfigException listing every bad or unknown setting
     */
    public static HotlineConfig load(Map<String, String> env, List<String> args) {
        Settings s = new Settings(ConfigKeys.load(), env, args);
        CallConfig calls = callConfig(s);
        HotlineConfig config = new HotlineConfig(
                new HttpConfig(s.nonEmpty("http.host"), s.listenPort("http.port"), s.optionalFolder("templates.dir")),
                new AgiConfig(s.nonEmpty("agi.bind"), s.listenPort("agi.port"),
                        s.integer("agi.header-timeout-ms", 100, 600_000)),
                new AmiConfig(s.nonEmpty("ami.host"), s.port("ami.port"), s.nonEmpty("ami.user"),
                        s.string("ami.secret"),
                        s.integer("ami.reconnect-initial-ms", 10, 600_000),
                        s.integer("ami.reconnect-max-ms", 10, 3_600_000)),
                new StoreConfig(s.mongoUri("mongo.uri"), s.nonEmpty("mongo.database"),
                        s.integer("mongo.timeout-ms", 100, 120_000), s.path("data.dir"),
                        s.integer("data.cache-mb", 16, 65_536)),
                new AccountsConfig(s.string("admin.password"), s.bool("demo")),
                calls,
                new RoutingRules(s.bool("routing.prefer-previous-counselor"),
                        s.integer("routing.previous-counselor-wait-seconds", 0, 3600), s.bool("routing.prefer-dialect"),
                        s.bool("routing.prefer-higher-skill"), s.integer("routing.min-skill-level", 1, 5),
                        s.integer("routing.widen-dialect-after-seconds", 0, 3600),
                        s.integer("routing.widen-skill-after-seconds", 0, 3600),
                        s.integer("routing.overflow-after-seconds", 10, 7200),
                        s.integer("routing.wrap-up-seconds", 0, 600),
                        s.integer("routing.max-consecutive-misses", 1, 100),
                        s.integer("routing.missed-retry-seconds", 0, 3600),
                        s.integer("routing.ringing-timeout-seconds", 10, 600),
                        s.bool("routing.desk-sign-in-required")),
                new ReportConfig(s.integer("reports.short-abandon-seconds", 0, 600),
                        s.integer("reports.service-level-seconds", 1, 3600)),
                FollowUpSettings.read(s, calls.zone()),
                new AlertConfig(java.time.Duration.ofSeconds(s.integer("alerts.reraise-after-seconds", 10, 86_400))),
                new MetricsConfig(s.string("metrics.token")),
                RetentionSettings.read(s, calls.zone()),
                BackupSettings.read(s, calls.zone(), s.path("data.dir")),
                new ApiConfig(s.integer("api.rate-per-minute", 1, 600_000), s.integer("api.burst", 1, 100_000)));
        s.throwIfInvalid();
        return config;
    }

    private static CallConfig callConfig(Settings s) {
        ZoneId zone = s.zone("hotline.zone");
        return new CallConfig(s.integer("dial.ring-seconds", 5, 120),
                s.oneOf("prompts.language", List.of("zh", "en")), zone, s.nonEmpty("trunk"),
                s.digits("oncall.number"), s.list("routing.dialect-menu", 9),
                s.bool("routing.dialect-menu-always"),
                s.integer("queue.announce-every-seconds", 10, 600), s.integer("queue.wait-slice-ms", 100, 60_000),
                s.integer("queue.wait-slice-without-ami-ms", 100, 10_000),
                s.openingHours("hours.weekly", "hours.holidays", zone),
                s.closedAction("hours.closed-action"), s.optionalPath("prompts.table"));
    }

    /** The text of {@code --help}: every key, its environment variable, default and meaning. */
    public static String help() {
        StringBuilder out = new StringBuilder("""
                Care Hotline server

                Usage: java -jar care-hotline.jar [--key=value ...]
                Each key can also be set with its environment variable. Keys:

                """);
        for (ConfigKeys.Key key : ConfigKeys.load().all()) {
            out.append(String.format("  %-26s %-32s default: %s%n", key.name(), key.envName(),
                    key.defaultValue().isEmpty() ? "(empty)" : key.defaultValue()));
            out.append("      ").append(key.description()).append('\n');
        }
        return out.toString();
    }
}
