package org.carehotline.telephony.ami;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The AMI connection's socket, ours rather than asterisk-java's for one setting: TCP_NODELAY.
 * The library's socket keeps Nagle's algorithm, so an action written while an earlier one is
 * unacknowledged waits for that acknowledgement, which the receiver may delay by up to 40 ms:
 * a wake-up sent right after another one reached the caller tens of milliseconds late. Lines
 * end with CR LF, as Asterisk writes them.
 */
final class AmiSocket implements SocketConnectionFacade {

    private final Socket socket;
    private final BufferedReader reader;
    private final BufferedWriter writer;
    private final StringBuilder line = new StringBuilder(128);

    private AmiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.writer = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Connects to Asterisk's manager port.
     *
     * @param readTimeoutMs 0: reads wait as long as the link is quiet (the link pings it)
     */
    static AmiSocket connect(String host, int port, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMs);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            return new AmiSocket(socket);
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

    /** For tests: whether small writes go out at once. */
    boolean tcpNoDelay() throws IOException {
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
