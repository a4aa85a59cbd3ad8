package org.carehotline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Plays Asterisk's side of one FastAGI session over a real socket: a test "caller".
 *
 * <p>Create it with {@link #to(int)}, then drive it from the test thread: {@link #expect(String)} reads
 * the next command the AGI server sent, {@link #reply(String)} answers it (see {@link AgiReplies}).
 * Like Asterisk, {@link #hangup()} sends {@code HANGUP} and from then on every command is answered
 * {@code 511} automatically. A background virtual thread reads the socket, so the server never blocks on
 * the fake; the methods here wait at most the configured timeout (default 5 s) and fail with an
 * {@link AssertionError} that includes the dialogue so far.
 */
public final class FakeAgiCall implements AutoCloseable {

    /** Default wait for each blocking operation. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** One command line from the server, and whether it has been answered yet. */
    private static final class Command {
        final String line;
        boolean answered;

        Command(String line) {
            this.line = line;
        }
    }

    private static final Command END_OF_STREAM = new Command("<closed by server>");

    private final Socket socket;
    private final OutputStream out;
    private final String uniqueId;
    private final String channel;
    private final BlockingQueue<Command> received = new LinkedBlockingQueue<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final List<String> dialogue = new CopyOnWriteArrayList<>();
    private final CountDownLatch closedByServer = new CountDownLatch(1);
    private final Map<Pattern, String> rules = new LinkedHashMap<>();
    private final Object lock = new Object();
    private volatile Duration timeout;
    private Command current;       // guarded by lock: last command handed to the test
    private boolean hungUp;        // guarded by lock
    private volatile boolean closedLocally;

    FakeAgiCall(Socket socket, Duration timeout, String uniqueId, String channel) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.timeout = timeout;
        this.uniqueId = uniqueId;
        this.channel = channel;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("fake-agi-reader-" + uniqueId).start(() -> readLoop(in));
    }

    /**
     * Starts describing a call to the FastAGI server on 127.0.0.1:port.
     *
     * @param port the port the AGI server listens on
     * @return a builder; finish with {@link FakeAgiCallBuilder#connect()}
     */
    public static FakeAgiCallBuilder to(int port) {
        return new FakeAgiCallBuilder(port);
    }

    /**
     * Changes how long blocking methods wait from now on.
     *
     * @param timeout the new per-operation timeout
     * @return this call
     */
    public FakeAgiCall timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** @return the {@code agi_uniqueid} this call sent */
    public String uniqueId() {
        return uniqueId;
    }

    /** @return the {@code agi_channel} this call sent */
    public String channel() {
        return channel;
    }

    /**
     * Waits for the next command the server sends.
     *
     * @return the command line, e.g. {@code STREAM FILE "welcome" "12"}
     * @throws AssertionError if none arrives within the timeout or the server closed the connection
     */
    public String nextCommand() {
        Command command = take();
        synchronized (lock) {
            current = command;
        }
        return command.line;
    }

    /**
     * Waits for the next command and asserts that it matches (regex {@code find}, case-sensitive).
     *
     * @param regex pattern the command must contain, e.g. {@code "^STREAM FILE \"welcome\""}
     * @return the command line
     * @throws AssertionError with the dialogue if it does not match, times out or the socket closed
     */
    public String expect(String regex) {
        String command = nextCommand();
        if (!Pattern.compile(regex).matcher(command).find()) {
            throw failure("expected a command matching /" + regex + "/ but got: " + command);
        }
        return command;
    }

    /**
     * Answers the command last returned by {@link #nextCommand()} / {@link #expect(String)}.
     *
     * @param line the reply, e.g. {@code "200 result=0"}; may span lines (520 usage replies)
     * @throws IllegalStateException if that command was already answered or the caller hung up
     */
    public void reply(String line) {
        synchronized (lock) {
            if (current == null || current.answered) {
                throw new IllegalStateException("no command awaiting a reply; call nextCommand() or expect() first");
            }
            current.answered = true;
            send(line);
        }
    }

    /**
     * {@link #expect(String)} followed by {@link #reply(String)}.
     *
     * @param regex pattern the command must contain
     * @param reply the reply line
     * @return the command line
     */
    public String expectAndReply(String regex, String reply) {
        String command = expect(regex);
        reply(reply);
        return command;
    }

    /**
     * Adds a rule for {@link #respondUntilClosed()}: commands matching {@code regex} (find) get
     * {@code reply}. Rules are tried in the order added; unmatched commands get {@code 200 result=0}.
     *
     * @param regex command pattern
     * @param reply the reply line
     * @return this call
     */
    public FakeAgiCall on(String regex, String reply) {
        synchronized (rules) {
            rules.put(Pattern.compile(regex), reply);
        }
        return this;
    }

    /**
     * Answers commands with the rules given to {@link #on(String, String)} until the server closes the
     * socket.
     *
     * @return the commands handled by this method, in order
     */
    public List<String> respondUntilClosed() {
        Map<Pattern, String> snapshot;
        synchronized (rules) {
            snapshot = new LinkedHashMap<>(rules);
        }
        return respondUntilClosed(byRules(snapshot));
    }

    /**
     * Answers every command with {@code responder} until the server closes the socket. A {@code null}
     * answer means {@code 200 result=0}. The responder may call {@link #hangup()}; commands already
     * answered (e.g. 511 after a hangup) are recorded but not passed to it.
     *
     * @param responder maps a command line to its reply
     * @return the commands handled by this method, in order
     * @throws AssertionError if the server neither sends a command nor closes within the timeout
     */
    public List<String> respondUntilClosed(Function<String, String> responder) {
        return respond(responder, null);
    }

    /**
     * Answers commands by regex rules (first matching key, in map iteration order; use a
     * {@link LinkedHashMap}) with default {@code 200 result=0}, until the server closes the socket.
     * Unlike {@link #respondUntilClosed()}, pauses between commands are only limited by {@code max}.
     *
     * @param rules regex to reply
     * @param max   the longest the whole dialogue may take
     * @return the commands handled, in order
     * @throws AssertionError if the server has not closed the socket within {@code max}
     */
    public List<String> answerAll(Map<String, String> rules, Duration max) {
        Map<Pattern, String> compiled = new LinkedHashMap<>();
        rules.forEach((regex, reply) -> compiled.put(Pattern.compile(regex), reply));
        return respond(byRules(compiled), max);
    }

    /**
     * The caller hangs up. As in res_agi: a command still waiting for its reply gets
     * {@code 200 result=-1}, then {@code HANGUP} is sent, and every later command is answered
     * {@link AgiReplies#DEAD_CHANNEL} (511) automatically, except those res_agi allows on a
     * dead channel (EXEC, GET [FULL] VARIABLE, SET VARIABLE, VERBOSE, NOOP, DATABASE), which
     * are answered as before the hangup. Idempotent.
     */
    public void hangup() {
        synchronized (lock) {
            if (hungUp) {
                return;
            }
            hungUp = true;
            Command pending = current != null && !current.answered ? current : firstUnanswered();
            if (pending != null) {
                pending.answered = true;
                send(AgiReplies.FAILURE);
            }
            send("HANGUP");
        }
    }

    /** @return whether {@link #hangup()} was called */
    public boolean isHungUp() {
        synchronized (lock) {
            return hungUp;
        }
    }

    /**
     * Writes raw bytes to the server, e.g. random bytes instead of an AGI header.
     *
     * @param bytes the bytes, sent as they are
     */
    public void sendGarbage(byte[] bytes) {
        synchronized (lock) {
            dialogue.add(">> <" + bytes.length + " raw bytes>");
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Waits until the server closes the connection (end of stream or reset; not counting {@link #close()}).
     *
     * @param timeout the longest to wait
     * @return {@code true} if it was closed in time
     */
    public boolean awaitClosedByServer(Duration timeout) {
        try {
            return closedByServer.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return every command received from the server so far, in order (answered or not) */
    public List<String> transcript() {
        return List.copyOf(transcript);
    }

    /**
     * Closes the socket from the caller's side without a HANGUP line (like a FastAGI connection torn
     * down); asterisk-java then sees end of stream on its next read.
     */
    @Override
    public void close() {
        closedLocally = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    void sendHeader(String header, int lines) {
        synchronized (lock) {
            dialogue.add(">> <agi_* header, " + lines + " lines>");
            write(header);
        }
    }

    private void readLoop(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                Command command = new Command(line);
                synchronized (lock) {
                    transcript.add(line);
                    dialogue.add("<< " + line);
                    if (hungUp && !allowedOnDeadChannel(line)) {
                        command.answered = true;
                        send(AgiReplies.DEAD_CHANNEL);
                    }
                    received.add(command);
                }
            }
        } catch (IOException e) {
            dialogue.add("-- read failed: " + e.getMessage());
        } finally {
            received.add(END_OF_STREAM);
            if (closedLocally) {
                dialogue.add("-- closed by the test");
            } else {
                dialogue.add("-- closed by server");
                closedByServer.countDown();
            }
        }
    }

    /** Answers until end of stream; waits per command for the timeout, or overall until maxTotal if given. */
    private List<String> respond(Function<String, String> responder, Duration maxTotal) {
        long deadline = maxTotal == null ? 0 : System.nanoTime() + maxTotal.toNanos();
        List<String> handled = new ArrayList<>();
        while (true) {
            long wait = maxTotal == null ? timeout.toNanos() : deadline - System.nanoTime();
            Command command = wait > 0 ? poll(wait) : null;
            if (command == null) {
                throw failure(maxTotal == null ? "no command and no close within " + timeout
                        : "the server did not end the session within " + maxTotal);
            }
            if (command == END_OF_STREAM) {
                received.add(END_OF_STREAM);
                return handled;
            }
            handled.add(command.line);
            synchronized (lock) {
                current = command;
                if (command.answered) {
                    continue;
                }
            }
            String answer = responder.apply(command.line);
            synchronized (lock) {
                if (!command.answered) {
                    command.answered = true;
                    send(answer == null ? AgiReplies.SUCCESS : answer);
                }
            }
        }
    }

    private static Function<String, String> byRules(Map<Pattern, String> rules) {
        return command -> rules.entrySet().stream()
                .filter(rule -> rule.getKey().matcher(command).find())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(AgiReplies.SUCCESS);
    }

    private Command take() {
        Command command = poll(timeout.toNanos());
        if (command == null) {
            throw failure("no command within " + timeout);
        }
        if (command == END_OF_STREAM) {
            received.add(END_OF_STREAM); // keep reporting the close to later calls
            throw failure(closedLocally ? "the call was closed by the test" : "the server closed the connection");
        }
        return command;
    }

    private Command poll(long nanos) {
        try {
            return received.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The commands res_agi still runs after the channel hung up (its "dead" flag). */
    private static boolean allowedOnDeadChannel(String command) {
        String upper = command.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("EXEC ") || upper.startsWith("GET VARIABLE") || upper.startsWith("GET FULL VARIABLE")
                || upper.startsWith("SET VARIABLE") || upper.startsWith("VERBOSE") || upper.startsWith("NOOP")
                || upper.startsWith("DATABASE ");
    }

    private Command firstUnanswered() {
        return received.stream().filter(c -> c != END_OF_STREAM && !c.answered).findFirst().orElse(null);
    }

    /** Caller holds lock. */
    private void send(String line) {
        dialogue.add(">> " + line);
        write(line + "\n");
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            if (!hungUp) {
                throw new UncheckedIOException("could not write to the AGI server", e);
            }
            dialogue.add("-- write failed after hangup: " + e.getMessage());
        }
    }

    private AssertionError failure(String message) {
        return new AssertionError("FakeAgiCall " + uniqueId + ": " + message + "\nDialogue so far:\n  "
                + String.join("\n  ", dialogue));
    }
}
