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
 */
final class AmiSocket extends TextSocket {

    private static final int BUFFER_CHARS = 8192;

    private final StringBuilder line = new StringBuilder(128);

    private AmiSocket(Socket socket) throws IOException {
        super(socket, BUFFER_CHARS);
    }

    /**
     * Connects to Asterisk's manager port.
     *
     * @param readTimeoutMs 0: reads wait as long as the link is quiet (the link pings it)
     */
    static AmiSocket connect(String host, int port, int connectTimeoutMs, int readTimeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
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
}
