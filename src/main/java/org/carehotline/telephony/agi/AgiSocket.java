package org.carehotline.telephony.agi;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection as asterisk-java reads and writes it. Ours rather than the library's
 * for two reasons: until the {@code agi_*} header has ended (a blank line) reads time out
 * quickly, so garbage that never ends a header cannot hold a session for hours; after it,
 * reads may wait as long as a conversation lasts. And the buffers are small: AGI lines are
 * short, and thousands of callers may be waiting at once.
 */
final class AgiSocket implements SocketConnectionFacade {

    private static final int BUFFER_CHARS = 512;

    private final Socket socket;
    private final BufferedReader reader;
    private final BufferedWriter writer;
    private final int callReadTimeoutMs;
    private boolean headerDone;

    AgiSocket(Socket socket, int headerTimeoutMs, int callReadTimeoutMs) throws IOException {
        this.socket = socket;
        this.callReadTimeoutMs = callReadTimeoutMs;
        socket.setSoTimeout(headerTimeoutMs);
        // each command is one short write the caller's session waits on: never hold it back
        // for Nagle's algorithm until an earlier segment is acknowledged
        socket.setTcpNoDelay(true);
        this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8),
                BUFFER_CHARS);
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8),
                BUFFER_CHARS);
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

    @Override
    public void write(String s) throws IOException {
        writer.write(s);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
