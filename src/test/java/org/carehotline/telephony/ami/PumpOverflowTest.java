package org.carehotline.telephony.ami;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.carehotline.config.HotlineConfig.AmiConfig;
import org.carehotline.testing.FakeAmiServer;
import org.junit.jupiter.api.Test;

/**
 * asterisk-java's event pump stalled (a listener that blocks) while Asterisk floods the link: the
 * reader is held back, then goes on past the pump's 20,000 slots, which drops events. The link
 * finds the used ones missing (those at the end of the flood too, where no later event shows the
 * gap), counts them and re-reads the phone states (or, if the pump dropped the re-read's answer as
 * well, logs in again), so that the server ends in Asterisk's state, never silently in a wrong one.
 */
class PumpOverflowTest {

    private static final int FLOOD = 40_000;

    /** Phone states as the link applies them (the only used events of this test). */
    private static final class States extends IgnoringCallEvents {
        final Map<String, String> byDevice = new ConcurrentHashMap<>();

        @Override
        public void deviceState(String device, String state) {
            byDevice.put(device, state);
        }
    }

    @Test
    void eventsDroppedByAStalledPumpAreFoundAndTheStateReReadFromAsterisk() throws Exception {
        Map<String, String> asteriskStates = new ConcurrentHashMap<>(Map.of("PJSIP/6001", "NOT_INUSE"));
        States states = new States();
        CountDownLatch release = new CountDownLatch(1);
        try (FakeAmiServer asterisk = FakeAmiServer.start().withCredentials("hotline", "secret");
             AmiLink link = new AmiLink(new AmiConfig("127.0.0.1", asterisk.port(), "hotline", "secret", 100, 400),
                     states, Clock.systemUTC())) {
            asterisk.onAction("DeviceStateList", action -> FakeAmiServer.respondWithEvents("DeviceStateChange",
                    asteriskStates.entrySet().stream().map(e -> FakeAmiServer.message("Device", e.getKey(),
                            "State", e.getValue())).toList(), "DeviceStateListComplete").handle(action));
            asterisk.onAction("CoreShowChannels", FakeAmiServer.respondWithEvents("CoreShowChannel", List.of(),
                    "CoreShowChannelsComplete"));
            link.listenOnPumpFirst(event -> {
                if (event instanceof DeviceStateChangeEvent e && "PJSIP/stall".equals(e.getDevice())) {
                    await(release); // a slow listener: the pump stops here
                }
            });
            link.start();
            assertTrue(asterisk.awaitLoginCount(1, Duration.ofSeconds(10)));
            awaitTrue(() -> "NOT_INUSE".equals(states.byDevice.get("PJSIP/6001")), "the login's re-read");

            List<Map<String, String>> flood = new ArrayList<>();
            flood.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/stall", "State", "INUSE"));
            for (int i = 0; i < FLOOD; i++) {
                flood.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/6001",
                        "State", i % 2 == 0 ? "INUSE" : "NOT_INUSE"));
            }
            flood.add(FakeAmiServer.message("Event", "DeviceStateChange", "Device", "PJSIP/6001", "State", "BUSY"));
            asteriskStates.put("PJSIP/6001", "BUSY"); // what Asterisk will answer when asked
            long readBefore = link.eventsRead();
            asterisk.sendEvents(flood);
            // the reader is held back, gives up on the stalled pump, and reads the whole flood
            awaitTrue(() -> link.eventsRead() - readBefore >= flood.size(), "the flood read past the stalled pump");
            assertTrue(link.readerWaits() >= 1, "the reader was held back first");
            release.countDown();

            awaitTrue(() -> link.lossResyncs() >= 1 && "BUSY".equals(states.byDevice.get("PJSIP/6001")),
                    "the loss found and the state re-read");
            assertTrue(link.eventsLost() > 0 && link.eventsLost() < FLOOD, "lost: " + link.eventsLost());
            // the re-read's own answer may have been dropped by the full pump too: then the link
            // logged in again, which re-reads everything
            assertTrue(asterisk.loginCount() >= 1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached in 30 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
