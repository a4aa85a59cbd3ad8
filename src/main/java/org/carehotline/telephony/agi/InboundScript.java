package org.carehotline.telephony.agi;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.cases.CallRecorder;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.routing.Router;

/**
 * The script of {@code [hotline-inbound]}: one {@link InboundCallFlow} per call. Runs on the
 * session's virtual thread; blocking is fine here.
 */
public final class InboundScript implements AgiScript {

    private final CallRecorder recorder;
    private final Router router;
    private final CallConfig config;
    private final Clock clock;
    private final ExecutorService blocking;

    /**
     * @param blocking virtual-thread executor for the case lookup that runs while the welcome plays
     */
    public InboundScript(CallRecorder recorder, Router router, CallConfig config, Clock clock,
                         ExecutorService blocking) {
        this.recorder = recorder;
        this.router = router;
        this.config = config;
        this.clock = clock;
        this.blocking = blocking;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        new InboundCallFlow(request, channel, recorder, router, config, clock, blocking).run();
    }
}
