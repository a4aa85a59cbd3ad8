package org.carehotline.telephony.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;

/**
 * asterisk-java's FastAGI server with each session on its own virtual thread instead of its
 * pool, which caps at 500 threads and refuses the 501st call. A waiting caller then costs a
 * few kilobytes, not a platform thread.
 */
final class VirtualThreadAgiServer extends DefaultAgiServer {

    private final AtomicLong sessions = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    /** Completes with the bound port when the server socket is bound, or fails with the bind error. */
    final CompletableFuture<Integer> bound = new CompletableFuture<>();

    private final int headerTimeoutMs;

    VirtualThreadAgiServer(InetAddress bind, int port, int headerTimeoutMs, Map<String, AgiScript> scripts) {
        this.headerTimeoutMs = headerTimeoutMs;
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        // A HashMap, not an immutable map: a garbled request has no script name, and
        // Map.of(...).get(null) would throw instead of answering "not found".
        mapping.setMappings(new HashMap<>(scripts));
        setMappingStrategy(mapping);
        setAddress(bind);
        setPort(port);
    }

    @Override
    protected void execute(Runnable session) {
        if (isDie()) {
            return;
        }
        active.incrementAndGet();
        Thread.ofVirtual().name("agi-session-" + sessions.incrementAndGet()).start(() -> {
            try {
                session.run();
            } finally {
                active.decrementAndGet();
            }
        });
    }

    @Override
    protected ServerSocketFacade createServerSocket() throws IOException {
        try {
            BoundServerSocket socket = new BoundServerSocket(getAddress(), getPort(), headerTimeoutMs);
            bound.complete(socket.port());
            return socket;
        } catch (IOException e) {
            bound.completeExceptionally(e);
            throw e;
        }
    }

    long sessionsStarted() {
        return sessions.get();
    }

    int sessionsActive() {
        return active.get();
    }
}
