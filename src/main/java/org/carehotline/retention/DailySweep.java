package org.carehotline.retention;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RetentionSweep#runDailyIfDue} every few minutes on its own virtual thread (never an
 * event loop). The day's sweep runs at the first check at or after the configured hour; which
 * days ran is kept in the database, not here, so a restart neither repeats nor skips a day.
 */
public final class DailySweep implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailySweep.class);

    private final RetentionSweep sweep;
    private final Duration checkEvery;
    private volatile boolean running;
    private Thread loop;

    public DailySweep(RetentionSweep sweep, Duration checkEvery) {
        this.sweep = sweep;
        this.checkEvery = checkEvery;
    }

    /** Starts checking, if retention is enabled (otherwise nothing runs). */
    public void start() {
        if (!sweep.policy().enabled()) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("retention-sweep").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                sweep.runDailyIfDue();
            } catch (RuntimeException e) {
                // the day is marked swept even so: tomorrow's sweep picks up whatever is left
                log.error("Retention sweep failed: {}", e.getMessage(), e);
            }
            try {
                Thread.sleep(checkEvery);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }
}
