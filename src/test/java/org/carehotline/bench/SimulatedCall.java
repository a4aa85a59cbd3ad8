package org.carehotline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One caller's FastAGI session as Asterisk's res_agi plays it, lean enough for thousands at
 * once: the {@code agi_*} header, then one reply per command, exactly as Asterisk words them.
 * The caller presses 1 during the welcome, waits on hold as long as it takes, talks to the
 * counselor the server dials, and is done. WAIT FOR DIGIT ends with '#' when AMI PlayDTMF
 * (Receive: yes) reaches the channel while it runs; a digit arriving between commands is
 * dropped, as res_agi drops frames read while it waits for the next command.
 */
final class SimulatedCall {

    private static final byte[] SUCCESS = bytes("200 result=0\n");
    private static final byte[] SET_OK = bytes("200 result=1\n");
    private static final byte[] PRESSED_1 = bytes("200 result=49 endpos=1234\n");
    private static final byte[] STREAM_DONE = bytes("200 result=0 endpos=16000\n");
    private static final byte[] DIGIT_HASH = bytes("200 result=35\n");
    private static final byte[] FAILURE_THEN_HANGUP = bytes("200 result=-1\nHANGUP\n");
    private static final byte[] DEAD_CHANNEL =
            bytes("511 Command Not Permitted on a dead channel or intercept routine\n");

    private static final int IDLE = 0;
    private static final int IN_WAIT_FOR_DIGIT = 1;
    private static final int WOKEN = 2;

    private final SimulatedAsterisk asterisk;
    private final long number;
    private final String channel;
    private final String uniqueId;
    private final String callerNumber;
    private final AtomicInteger digitState = new AtomicInteger(IDLE);
    private volatile Thread thread;
    private volatile boolean hangUpRequested;
    private volatile long wokenAt;
    private volatile String lastCommand = "";
    private boolean dead;
    private boolean queued;
    private volatile boolean everQueued;
    private boolean sessionStarted;
    private boolean served;
    private boolean waitedBefore;
    private long connectedAt;
    private long contactAt;
    private int dialed = -1;
    private String dialStatus = "";
    private long answeredSeconds;
    private OutputStream out;

    SimulatedCall(SimulatedAsterisk asterisk, long number, String channel, String uniqueId, String callerNumber) {
        this.asterisk = asterisk;
        this.number = number;
        this.channel = channel;
        this.uniqueId = uniqueId;
        this.callerNumber = callerNumber;
    }

    void run() {
        thread = Thread.currentThread();
        asterisk.byChannel.put(channel, this);
        asterisk.open.incrementAndGet();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", asterisk.agiPort), 30_000);
            socket.setTcpNoDelay(true);
            connectedAt = System.nanoTime();
            out = socket.getOutputStream();
            out.write(bytes(header()));
            out.flush();
            LineReader in = new LineReader(socket.getInputStream());
            String command;
            while ((command = in.readLine()) != null) {
                if (!sessionStarted) {
                    sessionStarted = true;
                    asterisk.sessionStarted();
                }
                answer(command);
            }
        } catch (IOException e) {
            // a refused session (stock pool) may be reset before it reads the header: that is a refusal, not an error
            if (!hangUpRequested && sessionStarted) {
                asterisk.errors.incrementAndGet();
                asterisk.sample("call " + number + ": " + e);
            }
        } finally {
            asterisk.byChannel.remove(channel);
            asterisk.open.decrementAndGet();
            if (sessionStarted) {
                asterisk.held.decrementAndGet();
            } else {
                asterisk.refused.incrementAndGet();
            }
            if (queued) {
                asterisk.waiting.decrementAndGet();
            }
            if (served) {
                asterisk.completed.incrementAndGet();
            }
            if (sessionStarted) {
                asterisk.event("Hangup", "Channel", channel, "Uniqueid", uniqueId, "Cause", "16",
                        "Cause-txt", "Normal Clearing");
            }
            asterisk.ended(this, !sessionStarted, served);
        }
    }

    /** The caller hangs up (end of the benchmark). */
    void hangUp() {
        hangUpRequested = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    boolean everQueued() {
        return everQueued;
    }

    /** A DTMF digit reached the channel; true if a WAIT FOR DIGIT was running and now ends with it. */
    boolean wake(String digit) {
        wokenAt = System.nanoTime();
        if ("#".equals(digit) && digitState.compareAndSet(IN_WAIT_FOR_DIGIT, WOKEN)) {
            LockSupport.unpark(thread);
            return true;
        }
        return false;
    }

    /** What the call was doing last (for the report when a wake-up is dropped). */
    String lastCommand() {
        return lastCommand;
    }

    private void answer(String command) throws IOException {
        lastCommand = command;
        if (hangUpRequested && !dead) {
            dead = true;
            send(bytes("HANGUP\n"));
        }
        if (dead && !allowedOnDeadChannel(command)) {
            send(DEAD_CHANNEL);
            return;
        }
        if (command.equals("ANSWER")) {
            send(SUCCESS);
        } else if (command.startsWith("SET VARIABLE \"HOTLINE_CONTACT_ID\"")) {
            send(SET_OK);
            contactAt = System.nanoTime();
        } else if (command.startsWith("SET VARIABLE \"HOTLINE_RESULT\" \"fallback\"")) {
            asterisk.fallback.incrementAndGet();
            send(SET_OK);
        } else if (command.startsWith("SET VARIABLE")) {
            send(SET_OK);
        } else if (command.startsWith("STREAM FILE \"hotline/welcome\"")) {
            send(PRESSED_1);
        } else if (command.startsWith("STREAM FILE")) {
            if (command.startsWith("STREAM FILE \"hotline/all-busy\"") && !queued) {
                queued = true;
                everQueued = true;
                asterisk.queued();
            }
            send(STREAM_DONE);
        } else if (command.startsWith("SAY NUMBER")) {
            send(SUCCESS);
        } else if (command.startsWith("WAIT FOR DIGIT")) {
            waitForDigit(command);
        } else if (command.startsWith("EXEC \"Dial\"")) {
            dial(command);
        } else if (command.startsWith("EXEC")) {
            send(SUCCESS); // StartMusicOnHold, StopMusicOnHold
        } else if (command.startsWith("GET VARIABLE \"DIALSTATUS\"")) {
            if (!dialStatus.equals("ANSWER")) {
                dialOver(); // the script reads nothing more about an unanswered Dial
            }
            send(bytes(dialStatus.isEmpty() ? "200 result=0\n" : "200 result=1 (" + dialStatus + ")\n"));
        } else if (command.startsWith("GET VARIABLE \"HOTLINE_ANSWERED_AT\"")) {
            dialOver();
            long answeredAtMs = System.currentTimeMillis() - answeredSeconds * 1000L;
            send(bytes(String.format(java.util.Locale.ROOT, "200 result=1 (%d.%03d)%n", answeredAtMs / 1000,
                    answeredAtMs % 1000)));
        } else if (command.startsWith("GET VARIABLE")) {
            send(SUCCESS);
        } else {
            asterisk.unexpected.incrementAndGet();
            asterisk.sample("unexpected command: " + command);
            send(SUCCESS);
        }
    }

    private void waitForDigit(String command) throws IOException {
        Recorders r = asterisk.recorders;
        if (queued && r != null && !waitedBefore) {
            r.connectToQueued.record(System.nanoTime() - connectedAt);
        }
        waitedBefore = true;
        long timeoutMs = Long.parseLong(command.substring("WAIT FOR DIGIT ".length()).strip());
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        digitState.set(IN_WAIT_FOR_DIGIT);
        while (true) {
            if (digitState.get() == WOKEN) {
                digitState.set(IDLE);
                send(DIGIT_HASH);
                return;
            }
            if (hangUpRequested) {
                if (digitState.compareAndSet(IN_WAIT_FOR_DIGIT, IDLE)) {
                    hangUpNow();
                    return;
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (digitState.compareAndSet(IN_WAIT_FOR_DIGIT, IDLE)) {
                    asterisk.slicesTimedOut.incrementAndGet();
                    send(SUCCESS); // no digit within the timeout
                    return;
                }
                continue; // woken just now
            }
            LockSupport.parkNanos(left);
        }
    }

    /** Dial(PJSIP/70xx,20): the phone rings, the counselor answers and talks; Dial returns when they hang up. */
    private void dial(String command) throws IOException {
        long dialAt = System.nanoTime();
        String argument = command.substring("EXEC \"Dial\" \"".length(), command.length() - 1);
        int counselor = asterisk.counselors.indexOfDial(argument);
        record(counselor, dialAt);
        if (queued) {
            queued = false;
            asterisk.waiting.decrementAndGet();
        }
        if (counselor < 0) {
            asterisk.unexpected.incrementAndGet();
            asterisk.sample("dial to an unknown endpoint: " + command);
            dialStatus = "CHANUNAVAIL";
            answeredSeconds = 0;
            send(SUCCESS);
            return;
        }
        if (!asterisk.counselors.dialStarted(counselor)) {
            // the phone is already in a call from the hotline: Asterisk's Dial gets BUSY at once
            asterisk.sample("counselor " + argument + " dialed while already in a hotline call (double offer)");
            dialStatus = "BUSY";
            answeredSeconds = 0;
            send(SUCCESS);
            return;
        }
        dialed = counselor;
        asterisk.talking.incrementAndGet();
        try {
            ringAndTalk(counselor);
        } finally {
            asterisk.talking.decrementAndGet();
            asterisk.counselors.dialEnded(counselor);
        }
    }

    private void ringAndTalk(int counselor) throws IOException {
        SimulatedCounselors phones = asterisk.counselors;
        if (!pause(phones.ringMs() * 1_000_000L)) {
            dialStatus = "CANCEL";
            answeredSeconds = 0;
            hangUpNow();
            return;
        }
        long answeredAt = System.nanoTime();
        phones.answered(counselor);
        String destChannel = SimulatedCounselors.endpoint(counselor) + "-%08x".formatted(number);
        asterisk.event("DialEnd", "Privilege", "call,all", "Channel", channel, "Uniqueid", uniqueId,
                "DestChannel", destChannel, "DestUniqueid", uniqueId + "1", "DialStatus", "ANSWER");
        boolean talkedToTheEnd = pause(phones.talkMs() * 1_000_000L);
        answeredSeconds = Math.round((System.nanoTime() - answeredAt) / 1e9);
        dialStatus = "ANSWER";
        phones.hungUp(counselor);
        asterisk.event("Hangup", "Channel", destChannel, "Uniqueid", uniqueId + "1", "Cause", "16",
                "Cause-txt", "Normal Clearing");
        served = true;
        asterisk.served.incrementAndGet();
        if (talkedToTheEnd) {
            send(SUCCESS);
        } else {
            hangUpNow();
        }
    }

    private void record(int counselor, long dialAt) {
        Recorders r = asterisk.recorders;
        long[] free = counselor >= 0 ? asterisk.counselors.takeFree(counselor) : null;
        if (r == null) {
            return;
        }
        if (!queued) {
            r.arrivalToDial.record(dialAt - contactAt);
        } else if (!asterisk.serving) {
            return; // a warm-up caller who had to wait: not part of the serve phase
        } else if (free != null && free[1] == SimulatedCounselors.FREE_CALL_ENDED) {
            r.freeToDial.record(dialAt - free[0]);
            long woke = wokenAt;
            if (woke > free[0]) {
                r.freeToWake.record(woke - free[0]);
                r.wakeToDial.record(dialAt - woke);
            }
        } else if (free != null && free[1] == SimulatedCounselors.FREE_SIGNED_ON) {
            r.signOnToDial.record(dialAt - free[0]);
        }
    }

    /** The last reply of a Dial: from this moment the counselor is free (Asterisk's view). */
    /** The Dial is over: the counselor's phone is free again (the simulated Asterisk's DeviceStateChange). */
    private void dialOver() {
        if (dialed >= 0 && asterisk.waiting.get() > 0) {
            asterisk.counselors.markFree(dialed, SimulatedCounselors.FREE_CALL_ENDED);
        }
        dialed = -1;
    }

    /** res_agi on hangup: the running command fails, then HANGUP; later commands get 511 unless allowed. */
    private void hangUpNow() throws IOException {
        dead = true;
        asterisk.hungUpByCaller.incrementAndGet();
        send(FAILURE_THEN_HANGUP);
    }

    /** Sleeps unless the caller hangs up meanwhile; true when the full time passed. */
    private boolean pause(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (!hangUpRequested) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            LockSupport.parkNanos(left);
        }
        return false;
    }

    private void send(byte[] reply) throws IOException {
        out.write(reply);
        out.flush();
    }

    /** The commands res_agi still runs after the channel hung up. */
    private static boolean allowedOnDeadChannel(String command) {
        return command.startsWith("EXEC ") || command.startsWith("GET VARIABLE") || command.startsWith("GET FULL VARIABLE")
                || command.startsWith("SET VARIABLE") || command.startsWith("VERBOSE") || command.startsWith("NOOP")
                || command.startsWith("DATABASE ");
    }

    /** The header res_agi's setup_env() writes, in its order, as Asterisk 20 sends it for [hotline-inbound]. */
    private String header() {
        int port = asterisk.agiPort;
        return "agi_network: yes\n"
                + "agi_network_script: inbound\n"
                + "agi_request: agi://127.0.0.1:" + port + "/inbound\n"
                + "agi_channel: " + channel + "\n"
                + "agi_language: en\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: 22.10.1\n"
                + "agi_callerid: " + callerNumber + "\n"
                + "agi_calleridname: unknown\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: 4008001234\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: hotline-inbound\n"
                + "agi_extension: 4008001234\n"
                + "agi_priority: 1\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: " + (139_000_000_000_000L + number) + "\n"
                + "\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads '\n'-terminated ASCII lines with a small buffer (AGI commands are short). */
    private static final class LineReader {
        private final InputStream in;
        private byte[] buffer = new byte[256];
        private int start;
        private int end;

        LineReader(InputStream in) {
            this.in = in;
        }

        String readLine() throws IOException {
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
                        start = i + 1;
                        return line;
                    }
                }
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n;
                try {
                    n = in.read(buffer, end, buffer.length - end);
                } catch (java.net.SocketException e) {
                    return null; // reset by the server: the session is over
                }
                if (n < 0) {
                    return null;
                }
                end += n;
            }
        }
    }
}
