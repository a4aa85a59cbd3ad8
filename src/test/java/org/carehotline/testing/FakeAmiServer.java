package org.carehotline.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays Asterisk 22's Manager Interface (AMI 11.0.0) on 127.0.0.1 over real sockets.
 *
 * <p>Each client gets the banner, then Challenge/Login (MD5 or plain secret), Logoff and a permission
 * check before login are handled as Asterisk does; CoreSettings, Command ({@code core show version} and
 * anything registered with {@link #onCommand}) and Ping have built-in answers; other actions go to
 * {@link #onAction handlers} or get {@code Response: Error / Message: Invalid/unknown command}. The
 * AstDB actions (DBPut, DBGet, DBDel, DBGetTree) work on a {@link #astDb() database of its own}, which
 * survives {@link #dropClients()} as Asterisk's survives a manager reconnect. Every
 * message produced for an action carries the action's ActionID. Every action is recorded.
 *
 * <p>Thread-safe. One platform thread reads and one writes per client (Asterisk too serves each
 * manager session on a thread of its own), so no method blocks the caller except the explicit
 * {@code await...} methods.
 */
public final class FakeAmiServer implements AutoCloseable {

    /** The greeting line Asterisk 22 sends first (include/asterisk/manager.h: AMI_VERSION 11.0.0). */
    public static final String BANNER = "Asterisk Call Manager/11.0.0";
    /** Asterisk version reported by CoreSettings and {@code core show version}. */
    public static final String ASTERISK_VERSION = "22.10.1";
    /** AMI version reported by CoreSettings. */
    public static final String AMI_VERSION = "11.0.0";

    /**
     * Answers one AMI action.
     */
    @FunctionalInterface
    public interface ActionHandler {
        /**
         * Produces the messages to send for an action: normally a response first, then any events. Each
         * map is written as {@code Key: value} lines in iteration order plus a blank line. The action's
         * ActionID is added as second line unless the message has an {@code ActionID} key already (a
         * {@code null} value there means "no ActionID"). Return an empty list to send nothing (a hung
         * Asterisk); a thrown exception becomes {@code Response: Error} with its message. A value containing
         * '\n' is written as one line per part with the same key (e.g. several {@code Output:} lines).
         *
         * @param action the action's fields, keys case-insensitive (repeated keys joined with '\n')
         * @return messages to send, in order
         * @throws Exception to answer with an error
         */
        List<Map<String, String>> handle(Map<String, String> action) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, ActionHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cliCommands = new ConcurrentHashMap<>();
    private final List<Map<String, String>> actions = new ArrayList<>(); // guarded by itself
    private final Set<Integer> awaitedActions = new HashSet<>();         // guarded by actions
    private final AtomicInteger logins = new AtomicInteger();
    private final FakeAstDb astDb = new FakeAstDb();
    private final Instant startedAt = Instant.now();
    private volatile String username = "hotline";
    private volatile String secret = "secret";
    private volatile boolean closed;
    private volatile List<String> eventFilters = List.of();
    private volatile boolean ignoreEventMasks;

    private FakeAmiServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        handlers.put("coresettings", this::coreSettings);
        handlers.put("command", this::command);
        handlers.put("ping", action -> List.of(message("Response", "Success", "Ping", "Pong",
                "Timestamp", String.format(Locale.ROOT, "%.6f", System.currentTimeMillis() / 1000.0))));
        astDb.register(this);
        // the fake has no channels: Asterisk 22's answer for one that does not exist; tests that
        // wake a waiting caller read the action (awaitAction), as the server ignores the answer
        handlers.put("playdtmf", action -> List.of(message("Response", "Error", "Message", "Channel not found")));
        onCommand("core show version", "Asterisk " + ASTERISK_VERSION
                + " built by fake @ care-hotline on a x86_64 running Linux on 2023-11-01 00:00:00 UTC");
        Thread.ofVirtual().name("fake-ami-accept-" + port()).start(this::acceptLoop);
    }

    /**
     * Starts a server on a free port of 127.0.0.1.
     *
     * @return the running server
     * @throws IOException if binding fails
     */
    public static FakeAmiServer start() throws IOException {
        return start(0);
    }

    /**
     * Starts a server on the given port of 127.0.0.1 (SO_REUSEADDR), e.g. the port of a server that was
     * {@link #close() closed} to simulate an Asterisk restart.
     *
     * @param port the port, or 0 for a free one
     * @return the running server
     * @throws IOException if binding fails
     */
    public static FakeAmiServer start(int port) throws IOException {
        // While nothing listens, a client retrying every 50 ms can end up connected to itself
        // (Linux TCP self-connect: its ephemeral port equals the port it dials), holding the
        // port for a moment. Keep trying to bind, as a restarting Asterisk would.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return new FakeAmiServer(socket);
            } catch (java.net.BindException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** @return the AstDB the DB actions read and write */
    public FakeAstDb astDb() {
        return astDb;
    }

    /** @return the port the server listens on */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Sets the only account that may log in (default {@code hotline} / {@code secret}).
     *
     * @param username AMI user name (compared case-insensitively, like manager.conf sections)
     * @param secret   its secret
     * @return this server
     */
    public FakeAmiServer withCredentials(String username, String secret) {
        this.username = username;
        this.secret = secret;
        return this;
    }

    /**
     * Registers (or replaces) the handler for an action; names are case-insensitive. Login, Challenge
     * and Logoff are fixed; CoreSettings, Command and Ping may be replaced.
     *
     * @param actionName e.g. {@code "Originate"}
     * @param handler    produces the response and events
     * @return this server
     */
    public FakeAmiServer onAction(String actionName, ActionHandler handler) {
        handlers.put(actionName.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    /**
     * Defines the output of a CLI command run through the {@code Command} action (AMI 7 format: one
     * {@code Output:} line per output line). Unknown commands get {@code Response: Error} with
     * {@code Output: No such command ...} as Asterisk 20 does.
     *
     * @param cliCommand  the command, e.g. {@code "pjsip show endpoints"} (case-sensitive, trimmed)
     * @param outputLines the lines it prints
     * @return this server
     */
    public FakeAmiServer onCommand(String cliCommand, String... outputLines) {
        cliCommands.put(cliCommand.trim(), List.of(outputLines));
        return this;
    }

    /**
     * Answers {@code Originate} as Asterisk 22 does with {@code Async: true}: {@code Originate
     * successfully queued} at once, and the {@code OriginateResponse} event only when the
     * originated leg has answered or failed, here {@code legTime} later, with the action's ActionID.
     *
     * @param legTime  how long the originated phone rings before it answers or fails
     * @param response the OriginateResponse's fields (without Event and ActionID), from the action
     * @return this server
     */
    public FakeAmiServer onOriginate(Duration legTime,
                                     java.util.function.Function<Map<String, String>, Map<String, String>> response) {
        return onAction("Originate", action -> {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(legTime.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                Map<String, String> event = message("Event", "OriginateResponse");
                if (action.get("ActionID") != null) {
                    event.put("ActionID", action.get("ActionID"));
                }
                event.putAll(response.apply(action));
                sendEvent(event);
            });
            return List.of(message("Response", "Success", "Message", "Originate successfully queued"));
        });
    }

    /**
     * A handler for list actions such as {@code DeviceStateList} or {@code CoreShowChannels}: responds
     * {@code Success} with {@code EventList: start}, then one {@code listEventName} event per entry, then
     * {@code completeEventName} with {@code EventList: Complete} and {@code ListItems}.
     *
     * @param listEventName     e.g. {@code "DeviceStateChange"} or {@code "CoreShowChannel"}
     * @param events            fields of each list event (without {@code Event})
     * @param completeEventName e.g. {@code "DeviceStateListComplete"} or {@code "CoreShowChannelsComplete"}
     * @return the handler, for {@link #onAction(String, ActionHandler)}
     */
    public static ActionHandler respondWithEvents(String listEventName, List<Map<String, String>> events,
                                                  String completeEventName) {
        return action -> {
            List<Map<String, String>> out = new ArrayList<>();
            out.add(message("Response", "Success", "EventList", "start", "Message", "Events will follow"));
            for (Map<String, String> fields : events) {
                Map<String, String> event = message("Event", listEventName);
                event.putAll(fields);
                out.add(event);
            }
            out.add(message("Event", completeEventName, "EventList", "Complete",
                    "ListItems", Integer.toString(events.size())));
            return out;
        };
    }

    /**
     * Builds an ordered message from alternating keys and values.
     *
     * @param keyValuePairs e.g. {@code "Response", "Success", "Message", "Originate successfully queued"}
     * @return a mutable, insertion-ordered map
     */
    public static Map<String, String> message(String... keyValuePairs) {
        if (keyValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, String> message = new LinkedHashMap<>();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            message.put(keyValuePairs[i], keyValuePairs[i + 1]);
        }
        return message;
    }

    /**
     * Applies these manager.conf {@code eventfilter} lines to sessions that log in from now on, as
     * Asterisk does for the user they are written under (see {@link AmiEventGate}).
     */
    public FakeAmiServer withEventFilters(List<String> eventfilterLines) {
        this.eventFilters = List.copyOf(eventfilterLines);
        return this;
    }

    /**
     * Sends every event whatever the login's {@code Events} mask: the stream of a login without one
     * (the server before it sent one), for benchmarks that compare.
     */
    public FakeAmiServer ignoringEventMasks() {
        this.ignoreEventMasks = true;
        return this;
    }

    boolean ignoresEventMasks() {
        return ignoreEventMasks;
    }

    AmiEventGate gateFor(String eventsHeader) {
        return AmiEventGate.forLogin(ignoreEventMasks ? null : eventsHeader).withFilters(eventFilters);
    }

    /**
     * Sends events to every session that receives them, each session's share in one write (a
     * busy Asterisk's burst). Returns at once.
     */
    public void sendEvents(List<Map<String, String>> events) {
        for (AmiSession session : sessions) {
            session.sendAll(events);
        }
    }

    /**
     * The text Asterisk would write for these events to the one logged-in session (its mask and
     * eventfilters applied), for a benchmark that renders its stream once and replays it with
     * {@link #sendRendered}: the fake's own cost then stays out of the measurement.
     */
    public String render(List<Map<String, String>> events) {
        if (sessions.size() != 1) {
            throw new IllegalStateException("render needs exactly one session, there are " + sessions.size());
        }
        return sessions.iterator().next().render(events);
    }

    /** Writes text from {@link #render} to every logged-in session, as it is. Returns at once. */
    public void sendRendered(String text) {
        for (AmiSession session : sessions) {
            session.sendRendered(text);
        }
    }

    /**
     * Sends an event to every logged-in client whose {@code Events} mask and eventfilters let it
     * through (as Asterisk's manager.c), e.g. none for {@code Events: off}.
     *
     * @param name          event name, e.g. {@code "DeviceStateChange"}
     * @param keyValuePairs alternating field names and values, e.g. {@code "Device", "PJSIP/1001"}
     */
    public void sendEvent(String name, String... keyValuePairs) {
        Map<String, String> event = message("Event", name);
        event.putAll(message(keyValuePairs));
        sendEvent(event);
    }

    /**
     * Sends an event, given as a complete message including its {@code Event} key, to every logged-in
     * client that wants events. Returns at once; delivery is asynchronous but ordered per client.
     *
     * @param event the message, written in iteration order
     */
    public void sendEvent(Map<String, String> event) {
        if (event.keySet().stream().noneMatch("Event"::equalsIgnoreCase)) {
            throw new IllegalArgumentException("an event needs an Event key: " + event);
        }
        for (AmiSession session : sessions) {
            if (session.receives(event)) {
                session.send(event);
            }
        }
    }

    /** @return copies of all actions received from all clients, in arrival order */
    public List<Map<String, String>> actions() {
        synchronized (actions) {
            return actions.stream().map(FakeAmiServer::copyOf).toList();
        }
    }

    /**
     * Waits for the first action with this name (case-insensitive) not returned by an earlier call.
     *
     * @param name    action name, e.g. {@code "Originate"}
     * @param timeout the longest to wait
     * @return the action's fields (case-insensitive keys)
     * @throws AssertionError if no such action arrives in time
     */
    public Map<String, String> awaitAction(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (actions) {
            while (true) {
                for (int i = 0; i < actions.size(); i++) {
                    if (!awaitedActions.contains(i) && name.equalsIgnoreCase(actions.get(i).get("Action"))) {
                        awaitedActions.add(i);
                        return copyOf(actions.get(i));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + name + " action within " + timeout + "; received: "
                            + actions.stream().map(a -> a.get("Action")).toList());
                }
                waitOn(actions, left);
            }
        }
    }

    /** @return how many logins succeeded since start */
    public int loginCount() {
        return logins.get();
    }

    /**
     * Waits until at least {@code count} logins have succeeded.
     *
     * @param count   the login count to reach
     * @param timeout the longest to wait
     * @return whether the count was reached in time
     */
    public boolean awaitLoginCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (logins) {
            while (logins.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitOn(logins, left);
            }
            return true;
        }
    }

    /** @return the number of currently open client connections */
    public int connectedClients() {
        return sessions.size();
    }

    /** Closes every client connection, as an Asterisk restart looks to the clients. */
    public void dropClients() {
        for (AmiSession session : sessions) {
            session.close();
        }
    }

    /** Stops listening and drops all clients; the port can then be reused with {@link #start(int)}. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        dropClients();
    }

    // ---- used by AmiSession ----

    boolean credentialsMatch(String user, String authType, String key, String plainSecret, String challenge) {
        if (user == null || !user.equalsIgnoreCase(username)) {
            return false;
        }
        if ("md5".equalsIgnoreCase(authType) && challenge != null && key != null) {
            return key.equalsIgnoreCase(md5Hex(challenge + secret));
        }
        return secret.equals(plainSecret);
    }

    void loggedIn() {
        synchronized (logins) {
            logins.incrementAndGet();
            logins.notifyAll();
        }
    }

    long uptimeSeconds() {
        return Duration.between(startedAt, Instant.now()).toSeconds();
    }

    void record(Map<String, String> action) {
        synchronized (actions) {
            actions.add(action);
            actions.notifyAll();
        }
    }

    List<Map<String, String>> dispatch(Map<String, String> action) {
        ActionHandler handler = handlers.get(action.get("Action").toLowerCase(Locale.ROOT));
        if (handler == null) {
            return List.of(message("Response", "Error", "Message", "Invalid/unknown command: " + action.get("Action")
                    + ". Use Action: ListCommands to show available commands."));
        }
        try {
            return handler.handle(copyOf(action));
        } catch (Exception e) {
            return List.of(message("Response", "Error", "Message", String.valueOf(e.getMessage())));
        }
    }

    void removed(AmiSession session) {
        sessions.remove(session);
    }

    // ---- built-in actions ----

    private List<Map<String, String>> coreSettings(Map<String, String> action) {
        return List.of(message("Response", "Success",
                "AMIversion", AMI_VERSION,
                "AsteriskVersion", ASTERISK_VERSION,
                "SystemName", "care-hotline-fake",
                "CoreMaxCalls", "0",
                "CoreMaxLoadAvg", "0.000000",
                "CoreRunUser", "asterisk",
                "CoreRunGroup", "asterisk",
                "CoreMaxFilehandles", "0",
                "CoreRealTimeEnabled", "No",
                "CoreCDRenabled", "Yes",
                "CoreHTTPenabled", "No",
                "SoundsSearchCustomDir", "No"));
    }

    private List<Map<String, String>> command(Map<String, String> action) {
        String cli = action.getOrDefault("Command", "").trim();
        List<String> output = cliCommands.get(cli);
        String response = output == null ? "Error" : "Success";
        if (output == null) {
            String word = cli.isEmpty() ? "" : cli.split("\\s+")[0];
            output = List.of("No such command '" + cli + "' (type 'core show help " + word
                    + "' for other possible commands)");
        }
        // AMI 7 sends each line as "Output:"; a plain map cannot repeat a key, so AmiSession expands
        // the newline-joined value into one Output line per element.
        return List.of(message("Response", response, "Message", "Command output follows",
                "Output", String.join("\n", output)));
    }

    // ---- plumbing ----

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                // as Asterisk's manager.c does for every session: events are written in small
                // pieces, and Nagle's algorithm would hold each one until the previous was acknowledged
                socket.setTcpNoDelay(true);
                AmiSession session = new AmiSession(this, socket);
                sessions.add(session);
                session.start(BANNER);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static Map<String, String> copyOf(Map<String, String> action) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(action);
        return copy;
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitOn(Object monitor, long nanos) {
        try {
            monitor.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
