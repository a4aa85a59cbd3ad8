package org.carehotline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.CommandAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.CommandResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.manager.response.PingResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves {@link FakeAmiServer} against asterisk-java's real {@link DefaultManagerConnection}. */
class FakeAmiServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
    private FakeAmiServer ami;
    private ManagerConnection connection;

    @BeforeEach
    void startAmi() throws IOException {
        ami = FakeAmiServer.start();
    }

    @AfterEach
    void stopAll() {
        if (connection != null && (connection.getState() == ManagerConnectionState.CONNECTED
                || connection.getState() == ManagerConnectionState.RECONNECTING)) {
            connection.logoff(); // also stops the reconnect thread
        }
        ami.close();
    }

    private ManagerConnection login() throws Exception {
        connection = new DefaultManagerConnection("127.0.0.1", ami.port(), "hotline", "secret");
        connection.addEventListener(events::add);
        connection.login();
        return connection;
    }

    @Test
    void logsInWithMd5ChallengeAndDetectsAsterisk22() throws Exception {
        login();

        assertEquals(ManagerConnectionState.CONNECTED, connection.getState());
        assertEquals(AsteriskVersion.ASTERISK_22, connection.getVersion());
        assertEquals(1, ami.loginCount());
        assertEquals(1, ami.connectedClients());
        assertEquals(List.of("Challenge", "Login", "CoreSettings"),
                ami.actions().stream().map(a -> a.get("Action")).toList());
        Map<String, String> loginAction = ami.awaitAction("login", WAIT);
        assertEquals("MD5", loginAction.get("authtype"));
        assertEquals("hotline", loginAction.get("USERNAME"));

        PingResponse pong = assertInstanceOf(PingResponse.class, connection.sendAction(new PingAction()));
        assertEquals("Pong", pong.getPing());
        assertNull(pong.getActionId(), "the internal ActionID was echoed and stripped again");

        CommandResponse version = assertInstanceOf(CommandResponse.class,
                connection.sendAction(new CommandAction("core show version")));
        assertTrue(version.getResult().getFirst().startsWith("Asterisk " + FakeAmiServer.ASTERISK_VERSION), version.getResult().toString());
    }

    @Test
    void echoesActionIdAndAnswersUnknownActionsWithAnError() throws Exception {
        login();
        PingAction ping = new PingAction();
        ping.setActionId("my-ping-1");
        ManagerResponse pong = connection.sendAction(ping);
        assertEquals("my-ping-1", pong.getActionId());
        assertTrue(ami.awaitAction("Ping", WAIT).get("ActionID").endsWith("#my-ping-1"),
                "asterisk-java prefixes its own id; the fake must echo the whole value");

        ManagerResponse status = connection.sendAction(new StatusAction());
        assertInstanceOf(ManagerError.class, status);
        assertEquals("Invalid/unknown command: Status. Use Action: ListCommands to show available commands.",
                status.getMessage(), "as Asterisk 22 words it (transcripts/ami-actions.txt)");

        ami.onCommand("pjsip show endpoints", "Endpoint:  agent-1001   Not in use", "Endpoint:  agent-1002   In use");
        CommandResponse endpoints = assertInstanceOf(CommandResponse.class,
                connection.sendAction(new CommandAction("pjsip show endpoints")));
        assertEquals(2, endpoints.getResult().size(), endpoints.getResult().toString());
        assertInstanceOf(ManagerError.class, connection.sendAction(new CommandAction("no such thing")));
    }

    @Test
    void eventsReachListenersAsTheirOwnClasses() throws Exception {
        login();

        ami.sendEvent("DeviceStateChange", "Device", "PJSIP/agent-1001", "State", "INUSE");
        ami.sendEvent("DialBegin", "Channel", "PJSIP/hotline-trunk-00000001", "Uniqueid", "1700000000.1",
                "DestChannel", "PJSIP/agent-1001-00000002", "DestUniqueid", "1700000000.2",
                "DialString", "agent-1001");
        ami.sendEvent("Hangup", "Channel", "PJSIP/hotline-trunk-00000001", "Uniqueid", "1700000000.1",
                "Cause", "16", "Cause-txt", "Normal Clearing");

        DeviceStateChangeEvent state = next(DeviceStateChangeEvent.class);
        assertEquals("PJSIP/agent-1001", state.getDevice());
        assertEquals("INUSE", state.getState());
        DialBeginEvent dial = next(DialBeginEvent.class);
        assertEquals("PJSIP/agent-1001-00000002", dial.getDestChannel());
        assertEquals("1700000000.1", dial.getUniqueId());
        HangupEvent hangup = next(HangupEvent.class);
        assertEquals(16, hangup.getCause());
        assertEquals("Normal Clearing", hangup.getCauseTxt());
    }

    @Test
    void coreShowChannelsWorksAsEventGeneratingAction() throws Exception {
        ami.onAction("CoreShowChannels", FakeAmiServer.respondWithEvents("CoreShowChannel", List.of(
                        FakeAmiServer.message("Channel", "PJSIP/hotline-trunk-00000001", "Uniqueid", "1700000000.1",
                                "Application", "AGI", "Duration", "00:01:02"),
                        FakeAmiServer.message("Channel", "PJSIP/agent-1001-00000002", "Uniqueid", "1700000000.2",
                                "Application", "AppDial", "Duration", "00:00:40")),
                "CoreShowChannelsComplete"));
        login();

        ResponseEvents result = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 3000);

        assertEquals("Success", result.getResponse().getResponse());
        List<String> channels = result.getEvents().stream()
                .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast)
                .map(CoreShowChannelEvent::getChannel).toList();
        assertEquals(List.of("PJSIP/hotline-trunk-00000001", "PJSIP/agent-1001-00000002"), channels);
        CoreShowChannelsCompleteEvent complete = result.getEvents().stream()
                .filter(CoreShowChannelsCompleteEvent.class::isInstance).map(CoreShowChannelsCompleteEvent.class::cast)
                .findFirst().orElseThrow();
        assertEquals(2, complete.getListitems());
    }

    /**
     * asterisk-java 3.42.2 has no DeviceStateList action. With a hand-written one the action completes, but
     * the listed DeviceStateChange events are not ResponseEvents: they go to the ordinary listeners instead
     * of the ResponseEvents.
     */
    @Test
    void deviceStateListItemsArriveAsOrdinaryEvents() throws Exception {
        ami.onAction("DeviceStateList", FakeAmiServer.respondWithEvents("DeviceStateChange", List.of(
                        FakeAmiServer.message("Device", "PJSIP/agent-1001", "State", "NOT_INUSE"),
                        FakeAmiServer.message("Device", "PJSIP/agent-1002", "State", "UNAVAILABLE")),
                "DeviceStateListComplete"));
        connection = new DefaultManagerConnection("127.0.0.1", ami.port(), "hotline", "secret");
        connection.registerUserEventClass(DeviceStateListCompleteEvent.class);
        connection.addEventListener(events::add);
        connection.login();

        ResponseEvents result = connection.sendEventGeneratingAction(new DeviceStateListAction(), 3000);

        DeviceStateListCompleteEvent complete = assertInstanceOf(DeviceStateListCompleteEvent.class,
                result.getEvents().stream().reduce((a, b) -> b).orElseThrow());
        assertEquals(2, complete.getListItems());
        assertEquals(1, result.getEvents().size(), "the DeviceStateChange items are not collected");
        assertEquals("PJSIP/agent-1001", next(DeviceStateChangeEvent.class).getDevice());
        assertEquals("PJSIP/agent-1002", next(DeviceStateChangeEvent.class).getDevice());
    }

    @Test
    void wrongSecretIsAuthenticationFailed() {
        ami.withCredentials("hotline", "another-secret");
        connection = new DefaultManagerConnection("127.0.0.1", ami.port(), "hotline", "secret");

        AuthenticationFailedException failure = assertThrows(AuthenticationFailedException.class, connection::login);

        assertEquals("Authentication failed", failure.getMessage());
        assertEquals(0, ami.loginCount());
    }

    @Test
    void reconnectsByItselfAfterTheClientsAreDropped() throws Exception {
        login();

        ami.dropClients();

        assertTrue(ami.awaitLoginCount(2, WAIT), "asterisk-java logs in again after a drop");
        ami.sendEvent("DeviceStateChange", "Device", "PJSIP/agent-1001", "State", "RINGING");
        assertEquals("RINGING", next(DeviceStateChangeEvent.class).getState());
        // CONNECTED only once the version check (CoreSettings) after the Login has been answered
        ami.awaitAction("CoreSettings", WAIT);
        ami.awaitAction("CoreSettings", WAIT);
        assertTrue(eventually(() -> connection.getState() == ManagerConnectionState.CONNECTED));
        assertEquals(1, ami.connectedClients());
    }

    @Test
    void reconnectsToAServerRestartedOnTheSamePort() throws Exception {
        login();
        int port = ami.port();

        ami.close();
        ami = FakeAmiServer.start(port);

        assertTrue(ami.awaitLoginCount(1, WAIT), "the restarted server sees a fresh login");
        assertEquals(1, ami.connectedClients());
    }

    // ---- helpers ----

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private <T extends ManagerEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ManagerEvent event = events.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    /** A DeviceStateList action, which asterisk-java 3.42.2 does not ship. */
    public static class DeviceStateListAction extends AbstractManagerAction implements EventGeneratingAction {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAction() {
            return "DeviceStateList";
        }

        @Override
        public Class<? extends ResponseEvent> getActionCompleteEventClass() {
            return DeviceStateListCompleteEvent.class;
        }
    }

    /** The end of a DeviceStateList; mapped by name because a nested class name would not match. */
    @AsteriskMapping("DeviceStateListComplete")
    public static class DeviceStateListCompleteEvent extends ResponseEvent {
        private static final long serialVersionUID = 1L;
        private String eventList;
        private Integer listItems;

        public DeviceStateListCompleteEvent(Object source) {
            super(source);
        }

        public String getEventList() {
            return eventList;
        }

        public void setEventList(String eventList) {
            this.eventList = eventList;
        }

        public Integer getListItems() {
            return listItems;
        }

        public void setListItems(Integer listItems) {
            this.listItems = listItems;
        }
    }
}
