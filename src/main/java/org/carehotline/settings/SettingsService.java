package org.carehotline.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.routing.hours.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line settings in force: the newest saved version, or the configuration keys while none was
 * saved. Calls read {@link #active()} (a volatile read: no database on the call path), taking one
 * snapshot per call so the menu a caller hears matches the keys accepted. A save here applies to
 * the next call at once; a save on another server is picked up within {@link #REFRESH_EVERY}.
 */
public final class SettingsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettingsService.class);
    static final Duration REFRESH_EVERY = Duration.ofSeconds(30);

    /** A version with its hours ready for routing. */
    public record Active(SettingsVersion version, OpeningHours hours) {
        public LineSettings settings() {
            return version.settings();
        }
    }

    /** What a save came to. */
    public sealed interface SaveResult {
        /** Stored as this version, and in force. */
        record Saved(SettingsVersion version) implements SaveResult {}

        /** Refused: the problems by field; nothing was stored. */
        record Invalid(Map<String, Problem> problems) implements SaveResult {}

        /** Refused: someone saved a newer version since the form was loaded; nothing was stored. */
        record Conflict(SettingsVersion current) implements SaveResult {}
    }

    private final SettingsRepository repository;
    private final PromptCatalog catalog;
    private final ZoneId zone;
    private final Clock clock;
    private final SettingsVersion seed;
    private volatile Active active;
    /** One save at a time here (not synchronized: a virtual thread waiting on the database would pin its carrier). */
    private final ReentrantLock saving = new ReentrantLock();
    private volatile boolean running;
    private Thread refresher;

    /** Starts with the seed from {@code calls}; call {@link #refresh()} to load what was saved. */
    public SettingsService(SettingsRepository repository, PromptCatalog catalog, CallConfig calls, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.zone = calls.zone();
        this.clock = clock;
        this.seed = new SettingsVersion(0, SettingsSeed.from(calls), SettingsVersion.FROM_CONFIGURATION,
                clock.instant(), "");
        this.active = activate(seed);
    }

    /** The settings in force now. Never blocks. */
    public Active active() {
        return active;
    }

    /** Loads the newest saved version (blocking); on a database error the settings in force stay. */
    public void refresh() {
        try {
            SettingsVersion newest = repository.newest().orElse(seed);
            if (newest.version() != active.version().version()) {
                active = activate(newest);
                log.info("Line settings version {} in force (by {})", newest.version(), newest.updatedBy());
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read the line settings ({}); version {} stays in force", e.toString(),
                    active.version().version());
        }
    }

    /** Refreshes every {@link #REFRESH_EVERY} on a virtual thread, for saves made on other servers. */
    public void startRefreshing() {
        running = true;
        refresher = Thread.ofVirtual().name("settings-refresh").start(() -> {
            while (running) {
                try {
                    Thread.sleep(REFRESH_EVERY);
                } catch (InterruptedException e) {
                    return;
                }
                refresh();
            }
        });
    }

    /**
     * Validates and stores the form as the next version, which is in force for the next call.
     * Blocking. Nothing is stored unless every field is right and the form was loaded from the
     * version in force.
     *
     * @param by the administrator's login
     */
    public SaveResult save(SettingsDraft draft, String by) {
        saving.lock();
        try {
            return saveLocked(draft, by);
        } finally {
            saving.unlock();
        }
    }

    private SaveResult saveLocked(SettingsDraft draft, String by) {
        refresh();
        SettingsVersion current = active.version();
        if (draft.baseVersion() != current.version()) {
            return new SaveResult.Conflict(current);
        }
        SettingsValidator.Result checked = SettingsValidator.validate(draft, catalog, zone);
        if (checked.settings().isEmpty()) {
            return new SaveResult.Invalid(checked.problems());
        }
        LineSettings settings = checked.settings().get();
        String changes = SettingsChanges.between(current.settings(), settings);
        SettingsVersion next = new SettingsVersion(current.version() + 1, settings, by, clock.instant(),
                changes.isEmpty() ? "no change" : changes);
        if (!repository.insert(next)) {
            refresh();
            return new SaveResult.Conflict(active.version());
        }
        active = activate(next);
        log.info("Line settings version {} saved by {}: {}", next.version(), by, next.changes());
        return new SaveResult.Saved(next);
    }

    /** Prompts the settings in force play that are not in the prompt table (a seed may name any dialect). */
    public List<String> missingPrompts() {
        Optional<Set<String>> known = catalog.names();
        return active.settings().prompts().stream().filter(p -> known.isEmpty() || !known.get().contains(p))
                .toList();
    }

    /** The saved versions, newest first (blocking). */
    public List<SettingsVersion> history(int limit) {
        return repository.history(limit);
    }

    private Active activate(SettingsVersion version) {
        return new Active(version, version.settings().openingHours(zone));
    }

    @Override
    public void close() {
        running = false;
        if (refresher != null) {
            refresher.interrupt();
        }
    }
}
