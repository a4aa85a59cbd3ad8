package org.carehotline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Describes the call that {@link FakeAgiCall} places; obtained from {@link FakeAgiCall#to(int)}.
 * Every {@code agi_*} header Asterisk 20 sends has a realistic default; uniqueid and channel are unique
 * per call unless set.
 */
public final class FakeAgiCallBuilder {

    private static final AtomicLong CALL_COUNTER = new AtomicLong();

    private final int port;
    private String script = "inbound";
    private final List<String> arguments = new ArrayList<>();
    private final List<String> urlParameters = new ArrayList<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private Duration timeout = FakeAgiCall.DEFAULT_TIMEOUT;

    FakeAgiCallBuilder(int port) {
        this.port = port;
    }

    /**
     * Sets the script name (the path of the {@code agi://host:port/<script>} URL).
     *
     * @param script script name, default {@code "inbound"}
     * @return this builder
     */
    public FakeAgiCallBuilder script(String script) {
        this.script = script;
        return this;
    }

    /**
     * Adds a query parameter to the AGI URL ({@code agi://host:port/script?name=value}); asterisk-java
     * exposes it as {@code AgiRequest#getParameter(name)}.
     *
     * @param name  parameter name
     * @param value parameter value (URL-encoded for you)
     * @return this builder
     */
    public FakeAgiCallBuilder parameter(String name, String value) {
        urlParameters.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Adds dialplan arguments, sent as {@code agi_arg_1 ...}; asterisk-java exposes them as
     * {@code AgiRequest#getArguments()}.
     *
     * @param args the arguments, in order
     * @return this builder
     */
    public FakeAgiCallBuilder arguments(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    /**
     * Sets the caller's number ({@code agi_callerid}).
     *
     * @param number e.g. {@code "13800138000"}
     * @return this builder
     */
    public FakeAgiCallBuilder callerId(String number) {
        return variable("agi_callerid", number);
    }

    /**
     * Sets the caller's name ({@code agi_calleridname}).
     *
     * @param name caller name
     * @return this builder
     */
    public FakeAgiCallBuilder callerIdName(String name) {
        return variable("agi_calleridname", name);
    }

    /**
     * Makes the call anonymous like a withheld number: {@code agi_callerid: unknown},
     * {@code agi_calleridname: Anonymous}, {@code agi_callingpres: 32} (restricted). asterisk-java then
     * reports {@code getCallerIdNumber() == null} and {@code getCallerIdName() == "Anonymous"}.
     *
     * @return this builder
     */
    public FakeAgiCallBuilder anonymous() {
        return variable("agi_callerid", "unknown").variable("agi_calleridname", "Anonymous")
                .variable("agi_callingpres", "32");
    }

    /**
     * Sets the channel's unique id ({@code agi_uniqueid}).
     *
     * @param uniqueId e.g. {@code "1700000000.1"}
     * @return this builder
     */
    public FakeAgiCallBuilder uniqueId(String uniqueId) {
        return variable("agi_uniqueid", uniqueId);
    }

    /**
     * Sets the channel name ({@code agi_channel}); {@code agi_type} follows its technology prefix.
     *
     * @param channel e.g. {@code "PJSIP/hotline-trunk-00000001"}
     * @return this builder
     */
    public FakeAgiCallBuilder channel(String channel) {
        return variable("agi_channel", channel);
    }

    /**
     * Sets the channel language ({@code agi_language}).
     *
     * @param language e.g. {@code "zh"}
     * @return this builder
     */
    public FakeAgiCallBuilder language(String language) {
        return variable("agi_language", language);
    }

    /**
     * Sets or overrides any header line. Keys without the {@code agi_} prefix get it added; a
     * {@code null} value removes the line. New keys are sent after the standard ones.
     *
     * @param agiHeaderKey e.g. {@code "agi_dnid"} or {@code "dnid"}
     * @param value        the value, or {@code null} to omit the header
     * @return this builder
     */
    public FakeAgiCallBuilder variable(String agiHeaderKey, String value) {
        String key = agiHeaderKey.startsWith("agi_") ? agiHeaderKey : "agi_" + agiHeaderKey;
        overrides.put(key, value);
        return this;
    }

    /**
     * Sets how long the call's blocking methods wait (default 5 s).
     *
     * @param timeout per-operation timeout
     * @return this builder
     */
    public FakeAgiCallBuilder timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Connects to 127.0.0.1:port (retrying while the server is still starting, up to the timeout) and
     * sends the complete {@code agi_*} header followed by a blank line.
     *
     * @return the connected call, ready for {@link FakeAgiCall#expect(String)}
     */
    public FakeAgiCall connect() {
        Map<String, String> header = header();
        FakeAgiCall call = open(header.get("agi_uniqueid"), header.get("agi_channel"));
        StringBuilder text = new StringBuilder();
        header.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        text.append('\n');
        call.sendHeader(text.toString(), header.size());
        return call;
    }

    /**
     * Connects without sending anything, e.g. to follow up with {@link FakeAgiCall#sendGarbage(byte[])}.
     *
     * @return the connected call
     */
    public FakeAgiCall connectWithoutHeader() {
        Map<String, String> header = header();
        return open(header.get("agi_uniqueid"), header.get("agi_channel"));
    }

    /** The header in res_agi.c's order: setup_env() writes exactly these keys, then the agi_arg_N. */
    Map<String, String> header() {
        long n = CALL_COUNTER.incrementAndGet();
        String query = urlParameters.isEmpty() ? "" : "?" + String.join("&", urlParameters);
        String channel = overrides.getOrDefault("agi_channel", "PJSIP/hotline-trunk-%08x".formatted(n));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("agi_network", "yes");
        h.put("agi_network_script", script + query);
        h.put("agi_request", "agi://127.0.0.1:" + port + "/" + script + query);
        h.put("agi_channel", channel);
        h.put("agi_language", "en");
        h.put("agi_type", channel.contains("/") ? channel.substring(0, channel.indexOf('/')) : "PJSIP");
        h.put("agi_uniqueid", Instant.now().getEpochSecond() + "." + n);
        h.put("agi_version", "22.10.1");
        h.put("agi_callerid", "13800138000");
        h.put("agi_calleridname", "unknown");
        h.put("agi_callingpres", "0");
        h.put("agi_callingani2", "0");
        h.put("agi_callington", "0");
        h.put("agi_callingtns", "0");
        h.put("agi_dnid", "4008001234");
        h.put("agi_rdnis", "unknown");
        h.put("agi_context", "hotline-inbound");
        h.put("agi_extension", "4008001234");
        h.put("agi_priority", "1");
        h.put("agi_enhanced", "0.0");
        h.put("agi_accountcode", "");
        h.put("agi_threadid", Long.toString(139_000_000_000_000L + n));
        for (int i = 0; i < arguments.size(); i++) {
            h.put("agi_arg_" + (i + 1), arguments.get(i));
        }
        overrides.forEach((key, value) -> {
            if (value == null) {
                h.remove(key);
            } else {
                h.put(key, value);
            }
        });
        return h;
    }

    private FakeAgiCall open(String uniqueId, String channel) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
                socket.setTcpNoDelay(true);
                return new FakeAgiCall(socket, timeout, uniqueId, channel);
            } catch (ConnectException refused) {
                closeQuietly(socket);
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("No FastAGI server on 127.0.0.1:" + port, refused);
                }
                sleep();
            } catch (IOException e) {
                closeQuietly(socket);
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
