package org.carehotline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.carehotline.testing.FakeAmiServer.message;

/**
 * One AMI client connection of {@link FakeAmiServer}: reads actions, answers the session-level ones
 * (Challenge, Login, Logoff, permission check) like Asterisk's manager.c and delegates the rest.
 * Output goes through a queue drained by its own writer thread, so senders never block.
 */
final class AmiSession {

    private static final String CLOSE = "\u0000close";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeAmiServer server;
    private final Socket socket;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private volatile boolean authenticated;
    private volatile AmiEventGate gate = AmiEventGate.OPEN;
    private String challenge; // only touched by the reader thread

    AmiSession(FakeAmiServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    void start(String banner) {
        outbox.add(banner + "\r\n");
        // platform threads, as Asterisk serves each manager session on a thread of its own: under a
        // benchmark's thousands of virtual threads the fake's AMI must not queue behind them
        Thread.ofPlatform().daemon().name("fake-ami-writer").start(this::writeLoop);
        Thread.ofPlatform().daemon().name("fake-ami-reader").start(this::readLoop);
    }

    /** True when manager.c would write this event to the session: logged in, its mask, its filters. */
    boolean receives(Map<String, String> event) {
        return authenticated && gate.passes(event);
    }

    void send(Map<String, String> message) {
        StringBuilder text = new StringBuilder();
        render(message, text);
        outbox.add(text.toString());
    }

    /** Writes several messages at once (one socket write), e.g. a benchmark's burst of events. */
    void sendAll(List<Map<String, String>> messages) {
        StringBuilder text = new StringBuilder(messages.size() * 256);
        for (Map<String, String> message : messages) {
            if (receives(message)) {
                render(message, text);
            }
        }
        if (!text.isEmpty()) {
            outbox.add(text.toString());
        }
    }

    /** The text manager.c would write to this session for these events (those its gate lets through). */
    String render(List<Map<String, String>> messages) {
        StringBuilder text = new StringBuilder(messages.size() * 256);
        for (Map<String, String> message : messages) {
            if (gate.passes(message)) {
                render(message, text);
            }
        }
        return text.toString();
    }

    /** Writes text rendered by {@link #render(List)} as it is, in one socket write. */
    void sendRendered(String text) {
        if (authenticated && !text.isEmpty()) {
            outbox.add(text);
        }
    }

    private static void render(Map<String, String> message, StringBuilder text) {
        message.forEach((key, value) -> {
            for (String line : String.valueOf(value).split("\n", -1)) {
                text.append(key).append(": ").append(line).append("\r\n");
            }
        });
        text.append("\r\n");
    }

    void close() {
        server.removed(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        outbox.add(CLOSE);
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        String key = line.substring(0, colon).trim();
                        String value = line.substring(colon + 1).strip();
                        action.merge(key, value, (old, added) -> old + "\n" + added);
                    }
                } else if (!action.isEmpty()) {
                    handle(action);
                    action = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                }
            }
        } catch (IOException e) {
            // connection dropped
        } finally {
            close();
        }
    }

    private void handle(Map<String, String> action) {
        server.record(action);
        String name = action.get("Action");
        String actionId = action.get("ActionID");
        if (name == null) {
            reply(actionId, message("Response", "Error", "Message", "Missing action in request"));
            return;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "challenge" -> challenge(action, actionId);
            case "login" -> login(action, actionId);
            case "logoff" -> {
                reply(actionId, message("Response", "Goodbye", "Message", "Thanks for all the fish."));
                outbox.add(CLOSE);
            }
            default -> {
                if (!authenticated) {
                    reply(actionId, message("Response", "Error", "Message", "Permission denied"));
                    return;
                }
                for (Map<String, String> message : server.dispatch(action)) {
                    reply(actionId, message);
                }
            }
        }
    }

    private void challenge(Map<String, String> action, String actionId) {
        if (!"md5".equalsIgnoreCase(action.get("AuthType"))) {
            reply(actionId, message("Response", "Error", "Message", "Must specify AuthType"));
            return;
        }
        if (challenge == null) {
            challenge = Long.toString(RANDOM.nextLong(1, Integer.MAX_VALUE));
        }
        reply(actionId, message("Response", "Success", "Challenge", challenge));
    }

    private void login(Map<String, String> action, String actionId) {
        if (authenticated) {
            reply(actionId, message("Response", "Success", "Message", "Already authenticated"));
            return;
        }
        boolean ok = server.credentialsMatch(action.get("Username"), action.get("AuthType"),
                action.get("Key"), action.get("Secret"), challenge);
        if (!ok) {
            // manager.c answers, then ends the session
            reply(actionId, message("Response", "Error", "Message", "Authentication failed"));
            outbox.add(CLOSE);
            return;
        }
        // manager.c: the Events header sets the session's mask (strings_to_mask), the user's
        // eventfilter lines apply to every event queued for it
        gate = server.gateFor(action.get("Events"));
        reply(actionId, message("Response", "Success", "Message", "Authentication accepted"));
        // Asterisk sends FullyBooted right after a login, without ActionID, when the session
        // receives class system (written to the session directly: no eventfilter applies)
        Map<String, String> booted = message("Event", "FullyBooted", "Privilege", "system,all",
                "Uptime", Long.toString(server.uptimeSeconds()),
                "LastReload", Long.toString(server.uptimeSeconds()), "Status", "Fully Booted");
        if (AmiEventGate.forLogin(server.ignoresEventMasks() ? null : action.get("Events")).passes(booted)) {
            send(booted);
        }
        authenticated = true;
        server.loggedIn();
    }

    /** Sends a message for an action, with the action's ActionID as second line (as astman_start_ack). */
    private void reply(String actionId, Map<String, String> message) {
        if (message.isEmpty()) {
            return;
        }
        if (actionId == null || message.keySet().stream().anyMatch("ActionID"::equalsIgnoreCase)) {
            Map<String, String> copy = new LinkedHashMap<>(message);
            copy.values().removeIf(v -> v == null);
            send(copy);
            return;
        }
        Map<String, String> withId = new LinkedHashMap<>();
        List<Map.Entry<String, String>> entries = List.copyOf(message.entrySet());
        withId.put(entries.getFirst().getKey(), entries.getFirst().getValue());
        withId.put("ActionID", actionId);
        entries.stream().skip(1).forEach(e -> withId.put(e.getKey(), e.getValue()));
        send(withId);
    }

    private void writeLoop() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                String text = outbox.take();
                if (text == CLOSE) {
                    break;
                }
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection dropped or closed
        } finally {
            close();
        }
    }
}
