package org.carehotline.telephony.agi;

import java.io.IOException;
import java.net.Socket;
import org.carehotline.telephony.TextSocket;

/**
 * One FastAGI connection as asterisk-java reads and writes it. Ours rather than the library's
 * for three reasons: until the {@code agi_*} header has ended (a blank line) reads time out
 * quickly, so garbage that never ends a header cannot hold a session for hours; after it,
 * reads may wait as long as a conversation lasts. The buffers are small: AGI lines are short,
 * and thousands of callers may be waiting at once. And each command goes out at once
 * (TCP_NODELAY, see {@link TextSocket}).
 */
final class AgiSocket extends TextSocket {

    private static final int BUFFER_CHARS = 512;

    private final int callReadTimeoutMs;
    private boolean headerDone;

    AgiSocket(Socket socket, int headerTimeoutMs, int callReadTimeoutMs) throws IOException {
        super(socket, BUFFER_CHARS);
        this.callReadTimeoutMs = callReadTimeoutMs;
        socket.setSoTimeout(headerTimeoutMs);
    }

    /** The next line, or null at the end of the stream (asterisk-java reads that as a hang-up). */
    @Override
    public String readLine() throws IOException {
        String line = reader.readLine();
        if (!headerDone && line != null && line.isEmpty()) {
            headerDone = true;
            socket.setSoTimeout(callReadTimeoutMs);
        }
        return line;
    }
}
