package org.carehotline.telephony.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiScript;
import org.carehotline.config.HotlineConfig.AgiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The FastAGI server Asterisk connects to, with its table of scripts (one per dialplan entry). */
public final class FastAgiService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiService.class);

    /** What /health reports about the AGI server. */
    public record Status(boolean listening, String address, long sessionsStarted, int sessionsActive) {}

    private final VirtualThreadAgiServer server;
    private final String bind;
    private volatile String address;
    private final List<String> scriptNames;
    private volatile boolean listening;

    /**
     * @param scripts the mapping table: script name (the path in {@code agi://host/inbound}) to script
     */
    public FastAgiService(AgiConfig config, Map<String, AgiScript> scripts) {
        try {
            this.server = new VirtualThreadAgiServer(InetAddress.getByName(config.bind()), config.port(),
                    config.headerTimeoutMs(), scripts);
        } catch (IOException e) {
            throw new UncheckedIOException("agi.bind: cannot resolve '" + config.bind() + "'", e);
        }
        this.bind = config.bind();
        this.address = config.bind() + ":" + config.port();
        this.scriptNames = scripts.keySet().stream().sorted().toList();
    }

    /** Binds and starts accepting sessions; fails if the port cannot be bound. */
    public void start() {
        Thread accept = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                server.bound.completeExceptionally(e);
            } finally {
                listening = false;
            }
        }, "agi-accept");
        accept.setDaemon(true);
        accept.start();
        try {
            int port = server.bound.get(10, TimeUnit.SECONDS);
            address = bind + ":" + port;
            listening = true;
            log.info("FastAGI listening on {} (scripts: {})", address, String.join(", ", scriptNames));
        } catch (ExecutionException e) {
            throw new IllegalStateException("FastAGI cannot listen on " + address + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("FastAGI did not start listening on " + address, e);
        }
    }

    /** The port the server listens on (the one the system picked when configured as 0). */
    public int port() {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    public Status status() {
        return new Status(listening, address, server.sessionsStarted(), server.sessionsActive());
    }

    @Override
    public void close() {
        listening = false;
        server.shutdown();
    }
}
