package org.carehotline.schedule;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a once-a-day job's "is it due?" check every few minutes on its own virtual thread (never
 * an event loop): the retention sweep, the store's backup. The job itself knows whether today's
 * run happened (in the database, in its files), so a restart neither repeats nor skips a day;
 * this only keeps asking.
 */
public final class DailyCheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailyCheck.class);

    private final String name;
    private final Runnable check;
    private final Duration every;
    private volatile boolean running;
    private Thread loop;

    /**
     * @param name  the thread's name, and the job's in the log
     * @param check runs the day's job if it is due; a failure is logged and the next check retries
     */
    public DailyCheck(String name, Runnable check, Duration every) {
        this.name = name;
        this.check = check;
        this.every = every;
    }

    /** Starts checking when {@code enabled}; otherwise nothing runs. */
    public void start(boolean enabled) {
        if (!enabled) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name(name).start(this::run);
    }

    private void run() {
        while (running) {
            try {
                check.run();
            } catch (RuntimeException e) {
                log.error("{} failed: {}", name, e.getMessage(), e);
            }
            try {
                Thread.sleep(every);
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
