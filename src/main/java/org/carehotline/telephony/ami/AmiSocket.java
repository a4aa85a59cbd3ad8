package org.carehotline.telephony.ami;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.carehotline.telephony.TextSocket;

/**
 * The AMI connection's socket, ours rather than asterisk-java's for TCP_NODELAY (see
 * {@link TextSocket}): the library's keeps Nagle's algorithm, so a wake-up written right after
 * another action reached Asterisk only once that one was acknowledged. Lines end with CR LF,
 * as Asterisk writes them.
 *
 * <p>With an {@link EventLossDetector}, every event read gets a {@code SequenceNumber} line
 * right after its {@code Event} line (one sent by Asterisk, with manager.conf {@code debug=on},
 * is dropped), so that the events asterisk-java loses after this socket are found, and each new
 * event waits until asterisk-java's pump has room for it ({@link EventLossDetector#awaitRoom}).
 * Events that no part of the server reads ({@link UnusedEvents}) are skipped here, before
 * asterisk-java's costly event builder.
 */
final class AmiSocket extends TextSocket {

    private static final int BUFFER_CHARS = 8192;

    private final StringBuilder line = new StringBuilder(128);
    private final char[] buf = new char[BUFFER_CHARS];
    private int pos;
    private int limit;
    private final EventLossDetector detector;
    /** The current event's number, -1 between events; with the fields below, reader thread only. */
    private int seq = -1;
    private String eventName = "";
    private String userEventName = "";
    private String pending;

    private AmiSocket(Socket socket, EventLossDetector detector) throws IOException {
        super(socket, BUFFER_CHARS);
        this.detector = detector;
    }

    /**
     * Connects to Asterisk's manager port.
     *
     * @param readTimeoutMs 0: reads wait as long as the link is quiet (the link pings it)
     */
    static AmiSocket connect(String host, int port, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        return connect(host, port, connectTimeoutMs, readTimeoutMs, null);
    }

    /** As above, numbering events for {@code detector} (null: none). */
    static AmiSocket connect(String host, int port, int connectTimeoutMs, int readTimeoutMs,
                             EventLossDetector detector) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(readTimeoutMs);
            // a burst of events waits here rather than in Asterisk's write timeout (100 ms by default)
            socket.setReceiveBufferSize(1 << 20);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            return new AmiSocket(socket, detector);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The next line without its CR LF. A lone LF or CR stays in the line, as in asterisk-java's
     * own reader. At the end of the stream: an IOException, which the library reads as a
     * disconnect (its own socket does the same).
     */
    @Override
    public String readLine() throws IOException {
        if (pending != null) {
            String next = pending;
            pending = null;
            return next;
        }
        String next = rawLine();
        while (detector != null) {
            if (next.isEmpty()) {
                if (seq >= 0) {
                    detector.framed(seq, eventName, userEventName);
                    seq = -1;
                }
            } else if (seq < 0 && next.regionMatches(true, 0, "Event:", 0, 6)) {
                String name = next.substring(6).strip();
                if (UnusedEvents.skipped(name)) {
                    skipMessage();
                    next = rawLine();
                    continue;
                }
                detector.awaitRoom(); // the line is read, but asterisk-java sees it only after the wait
                seq = detector.number();
                eventName = name;
                userEventName = "";
                pending = "SequenceNumber: " + seq;
            } else if (seq >= 0 && next.regionMatches(true, 0, "SequenceNumber:", 0, 15)) {
                next = rawLine(); // ours replaces Asterisk's
                continue;
            } else if (seq >= 0 && next.regionMatches(true, 0, "UserEvent:", 0, 10)) {
                userEventName = next.substring(10).strip();
            }
            break;
        }
        return next;
    }

    /** Reads the rest of an event nobody uses, up to its blank line, without making strings of it. */
    private void skipMessage() throws IOException {
        detector.skipped();
        int lineLength = 0;
        boolean lastCr = false;
        while (true) {
            if (pos == limit) {
                fill();
            }
            char c = buf[pos++];
            if (c == '\n' && lastCr) {
                if (lineLength == 1) {
                    return; // the blank line (just its CR) that ends the event
                }
                lineLength = 0;
                lastCr = false;
            } else {
                lineLength++;
                lastCr = c == '\r';
            }
        }
    }

    /*
     * Lines are cut from our own buffer rather than read char by char from the BufferedReader,
     * whose read() takes a lock per char: at tens of thousands of events a second that was most
     * of the reader thread's time.
     */
    private String rawLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (pos == limit) {
                fill();
            }
            int i = pos;
            while (i < limit && buf[i] != '\n') {
                i++;
            }
            if (i == limit) {
                line.append(buf, pos, limit - pos);
                pos = limit;
                continue;
            }
            if (line.isEmpty() && i > pos && buf[i - 1] == '\r') {
                String whole = new String(buf, pos, i - 1 - pos);
                pos = i + 1;
                return whole;
            }
            line.append(buf, pos, i - pos);
            pos = i + 1;
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append('\n'); // a lone LF stays in the line
        }
    }

    private void fill() throws IOException {
        int n = reader.read(buf, 0, buf.length);
        if (n < 0) {
            throw new IOException("No more lines available: the AMI connection was closed");
        }
        pos = 0;
        limit = n;
    }
}
