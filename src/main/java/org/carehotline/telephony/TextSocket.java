package org.carehotline.telephony;

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
 * A connection to Asterisk as asterisk-java uses it: UTF-8 text, written in short messages that
 * the other side waits on, so TCP_NODELAY is on (Nagle's algorithm would hold a message back
 * until the previous one is acknowledged, which the receiver may delay by up to 40 ms).
 * Subclasses read lines the way their protocol ends them.
 */
public abstract class TextSocket implements SocketConnectionFacade {

    protected final Socket socket;
    protected final BufferedReader reader;
    private final BufferedWriter writer;

    protected TextSocket(Socket socket, int bufferChars) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8),
                bufferChars);
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8),
                bufferChars);
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
        return socket.isConnected() && !socket.isClosed();
    }

    /** Whether short writes go out at once (see the class comment); for tests. */
    public boolean tcpNoDelay() throws IOException {
        return socket.getTcpNoDelay();
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
