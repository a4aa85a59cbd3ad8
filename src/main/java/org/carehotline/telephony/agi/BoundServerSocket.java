package org.carehotline.telephony.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * asterisk-java's server socket, made here so that the bound port is known (with port 0 the
 * system picks a free one and we can say which) and so that connections are {@link AgiSocket}s.
 */
final class BoundServerSocket implements ServerSocketFacade {

    private static final int BACKLOG = 1000;
    /** After the header a read may wait as long as a conversation: 4 hours, then the session is dropped. */
    private static final int CALL_READ_TIMEOUT_MS = 4 * 3600 * 1000;

    private final ServerSocket socket;
    private final int headerTimeoutMs;
    private volatile int readTimeoutMs = CALL_READ_TIMEOUT_MS;

    /** @param headerTimeoutMs how long a new connection may take to send its whole header */
    BoundServerSocket(InetAddress bind, int port, int headerTimeoutMs) throws IOException {
        this.socket = new ServerSocket(port, BACKLOG, bind);
        this.headerTimeoutMs = headerTimeoutMs;
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        return new AgiSocket(socket.accept(), headerTimeoutMs, readTimeoutMs);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        this.readTimeoutMs = socketReadTimeout;
    }
}
