package org.carehotline.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.carehotline.cases.Category;
import org.carehotline.routing.PresenceState;
import org.carehotline.routing.Router;
import org.carehotline.telephony.agi.FastAgiService;
import org.carehotline.telephony.ami.AmiLink;

/**
 * The live line as gauges, read at each scrape from the router, the FastAGI server and the AMI link
 * (all in memory, no store access):
 * <ul>
 *   <li>{@code hotline_calls_waiting{category, urgent}}: callers waiting for a counselor;</li>
 *   <li>{@code hotline_counselors{state}}: counselors by the state the board shows;</li>
 *   <li>{@code hotline_agi_sessions_active}, {@code hotline_agi_sessions_total};</li>
 *   <li>{@code hotline_ami_connected} (1 or 0), {@code hotline_ami_logins_total} (reconnects are
 *       logins after the first).</li>
 * </ul>
 * The meters read objects the server holds for its whole life: Micrometer keeps only a weak
 * reference to a gauge's object, and a lambda made for it would be collected, leaving NaN.
 */
public final class HotlineGauges {

    private HotlineGauges() {
    }

    public static void register(MeterRegistry registry, Router router, FastAgiService agi, AmiLink ami) {
        for (Category category : Category.values()) {
            for (boolean urgent : new boolean[] {true, false}) {
                Gauge.builder("hotline.calls.waiting", router, r -> r.waitingCalls().stream()
                                .filter(c -> c.needs().category() == category && c.needs().urgent() == urgent).count())
                        .description("callers waiting for a counselor")
                        .tag("category", category.name().toLowerCase(Locale.ROOT))
                        .tag("urgent", String.valueOf(urgent)).register(registry);
            }
        }
        for (PresenceState state : PresenceState.values()) {
            Gauge.builder("hotline.counselors", router, r -> r.states().values().stream().filter(s -> s == state).count())
                    .description("counselors by the state the board shows")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        Gauge.builder("hotline.agi.sessions.active", agi, a -> a.status().sessionsActive())
                .description("FastAGI sessions in progress").register(registry);
        FunctionCounter.builder("hotline.agi.sessions", agi, a -> a.status().sessionsStarted())
                .description("FastAGI sessions started").register(registry);
        Gauge.builder("hotline.ami.connected", ami, a -> "CONNECTED".equals(a.status().state()) ? 1 : 0)
                .description("1 while the AMI link is logged in").register(registry);
        FunctionCounter.builder("hotline.ami.logins", ami, a -> a.status().connects())
                .description("AMI logins since the start; every one after the first is a reconnect")
                .register(registry);
    }
}
