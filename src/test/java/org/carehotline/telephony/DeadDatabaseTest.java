package org.carehotline.telephony;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.carehotline.cases.CallRecorder;
import org.carehotline.cases.CallerRepository;
import org.carehotline.cases.CaseRepository;
import org.carehotline.cases.ContactRepository;
import org.carehotline.config.HotlineConfig;
import org.carehotline.followups.FollowUpRepository;
import org.carehotline.live.LiveFeed;
import org.carehotline.routing.CallWaker;
import org.carehotline.routing.Router;
import org.carehotline.settings.PromptCatalog;
import org.carehotline.settings.SettingsRepository;
import org.carehotline.settings.SettingsService;
import org.carehotline.store.MongoStore;
import org.carehotline.support.FreePorts;
import org.carehotline.telephony.agi.DialplanNames;
import org.carehotline.telephony.agi.FastAgiService;
import org.carehotline.telephony.agi.InboundScript;
import org.carehotline.testing.AgiReplies;
import org.carehotline.testing.FakeAgiCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the database unreachable, a caller still hears the greeting and is handed to a human. */
class DeadDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void callerIsGreetedThenHandedToTheFallbackGroupWhenTheDatabaseIsDown() {
        // A MongoDB URI where nothing listens, with a short timeout.
        HotlineConfig.StoreConfig dead = new HotlineConfig.StoreConfig(
                "mongodb://127.0.0.1:" + FreePorts.next() + "/?connectTimeoutMS=300", "dead", 500, dataDir);
        Clock clock = Clock.systemUTC();
        HotlineConfig defaults = HotlineConfig.load(Map.of(), java.util.List.of());
        HotlineConfig.CallConfig calls = defaults.calls();

        try (MongoStore store = MongoStore.open(dead);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CallRecorder recorder = new CallRecorder(new CallerRepository(store), new CaseRepository(store,
                    calls.zone()), new ContactRepository(store), new FollowUpRepository(store), clock);
            Router router = new Router(clock, defaults.routing(), CallWaker.NONE, LiveFeed.NONE);
            // the settings service is never refreshed here: the seed from the keys applies, as when the store is down
            SettingsService settings = new SettingsService(new SettingsRepository(store),
                    PromptCatalog.of(calls.promptTable()), calls, clock);
            InboundScript script = new InboundScript(new InboundScript.Parts(recorder, router, calls, defaults.routing(),
                    LiveFeed.NONE, clock, threads, settings));
            try (FastAgiService agi = new FastAgiService(new HotlineConfig.AgiConfig("127.0.0.1", 0, 10_000),
                    Map.of(DialplanNames.SCRIPT_INBOUND, script))) {
                agi.start();
                FakeAgiCall call = FakeAgiCall.to(agi.port()).script("inbound").callerId("13800138000").connect();

                call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
                call.expectAndReply("^SET VARIABLE \"CHANNEL\\(language\\)\"", "200 result=1");
                call.expectAndReply("^STREAM FILE \"hotline/welcome\"", AgiReplies.streamInterruptedBy('1'));
                // the case lookup fails after the store timeout: no silence, straight to the fallback group
                call.expectAndReply("^SET VARIABLE \"HOTLINE_RESULT\" \"fallback\"", "200 result=1");
                call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\"", "200 result=1");
                assertTrue(call.awaitClosedByServer(java.time.Duration.ofSeconds(10)));
                assertTrue(!store.ping(), "the store really is down");
            }
        }
    }
}
