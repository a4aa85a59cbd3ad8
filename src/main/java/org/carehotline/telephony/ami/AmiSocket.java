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
 * is dropped), so that the events asterisk-java loses after this socket are found.
 */
final class AmiSocket extends TextSocket {

    private static final int BUFFER_CHARS = 8192;

    private final StringBuilder line = new StringBuilder(128);
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
                seq = detector.number();
                eventName = next.substring(6).strip();
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

    private String rawLine() throws IOException {
        line.setLength(0);
        while (true) {
            int c = reader.read();
            if (c < 0) {
                throw new IOException("No more lines available: the AMI connection was closed");
            }
            if (c == '\n' && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) c);
        }
    }
}
