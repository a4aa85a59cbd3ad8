package org.carehotline.realpbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the server and Asterisk's AMI port, so a test can drop the AMI link the way a network
 * does ({@link #cut}: every open connection closed at once) while both ends keep running. New connections are
 * relayed again at once, as after a blip.
 */
final class AmiProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int cuts;

    AmiProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("ami-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every relayed connection; both the server and Asterisk see the link drop. */
    void cut() {
        cuts++;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    int cuts() {
        return cuts;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(asterisk);
                Thread.ofVirtual().start(() -> pump(client, asterisk));
                Thread.ofVirtual().start(() -> pump(asterisk, client));
            } catch (IOException e) {
                // listener closed, or Asterisk not listening (restarting): the server's reconnect retries
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
