package org.carehotline.telephony.agi;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.cases.CallRecorder;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.Router;
import org.carehotline.routing.RoutingRules;
import org.carehotline.settings.SettingsService;

/**
 * The script of {@code [hotline-inbound]}: one {@link InboundCallFlow} per call. Runs on the
 * session's virtual thread; blocking is fine here.
 */
public final class InboundScript implements AgiScript {

    /**
     * What a call flow works with.
     *
     * @param blocking virtual-thread executor for the case lookup that runs while the welcome plays
     * @param settings the line settings in force (hours, closed action, menus), read once per call
     */
    public record Parts(CallRecorder recorder, Router router, CallConfig config, RoutingRules rules, LiveFeed live,
                        Clock clock, ExecutorService blocking, SettingsService settings) {}

    private final Parts parts;

    public InboundScript(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        new InboundCallFlow(request, channel, parts).run();
    }
}
