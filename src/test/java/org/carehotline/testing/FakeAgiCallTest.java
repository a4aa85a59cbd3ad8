package org.carehotline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.InvalidCommandSyntaxException;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves {@link FakeAgiCall} against asterisk-java's real {@link DefaultAgiServer}. */
class FakeAgiCallTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** What the scripts observed, in order. */
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private DefaultAgiServer server;
    private int port;

    @BeforeEach
    void startAgiServer() throws IOException {
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        // a HashMap like production code would use: Map.of(...).get(null) would throw for a header without a script
        mapping.setMappings(new HashMap<>(Map.of("inbound", recording(this::inbound), "menu", recording(this::menu))));
        server = new DefaultAgiServer(mapping);
        server.setAddress(InetAddress.getLoopbackAddress());
        port = freePort();
        server.setPort(port);
        Thread.ofVirtual().name("agi-server").start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                seen.add("startup failed: " + e);
            }
        });
    }

    @AfterEach
    void stopAgiServer() {
        server.shutdown();
    }

    /** The IVR entry script: answer, greeting with escape digits, a variable, then Dial. */
    private void inbound(AgiRequest request, AgiChannel channel) throws AgiException {
        seen.add("callerId=" + request.getCallerIdNumber() + " name=" + request.getCallerIdName());
        seen.add("uniqueId=" + request.getUniqueId() + " channel=" + request.getChannel()
                + " language=" + request.getLanguage() + " script=" + request.getScript());
        channel.answer();
        char pressed = channel.streamFile("hotline/welcome", "12");
        seen.add("pressed=" + (pressed == 0 ? "none" : String.valueOf(pressed)));
        seen.add("CASE_ID=" + channel.getVariable("CASE_ID"));
        seen.add("dial=" + channel.exec("Dial", "PJSIP/agent-1001", "30"));
    }

    /** A menu script for the GET DATA / WAIT FOR DIGIT / 520 reply mappings. */
    private void menu(AgiRequest request, AgiChannel channel) throws AgiException {
        seen.add("lang=" + request.getParameter("lang") + " args=" + List.of(request.getArguments()));
        seen.add("data=[" + channel.getData("menu/main", 3000, 4) + "]");
        seen.add("data=[" + channel.getData("menu/main", 3000, 4) + "]");
        seen.add("digit=" + channel.waitForDigit(2000));
        try {
            channel.streamFile("");
        } catch (InvalidCommandSyntaxException e) {
            seen.add("syntax=" + e.getSynopsis());
        }
    }

    @Test
    void drivesAScriptThroughAWholeCall() {
        FakeAgiCall call = FakeAgiCall.to(port).script("inbound").callerId("13800138000").callerIdName("Li Lei")
                .uniqueId("1700000000.1").channel("PJSIP/hotline-trunk-00000001").language("zh").connect();

        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expectAndReply("^STREAM FILE \"hotline/welcome\" \"12\"", AgiReplies.streamInterruptedBy('1'));
        call.expectAndReply("^GET VARIABLE \"CASE_ID\"$", AgiReplies.variable("C-42"));
        call.expectAndReply("^EXEC \"Dial\" \"PJSIP/agent-1001,30\"$", AgiReplies.SUCCESS);
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"$", "200 result=1");

        assertTrue(call.awaitClosedByServer(WAIT), "asterisk-java closes the socket when the script ends");
        assertEquals(List.of("callerId=13800138000 name=Li Lei",
                "uniqueId=1700000000.1 channel=PJSIP/hotline-trunk-00000001 language=zh script=inbound",
                "pressed=1", "CASE_ID=C-42", "dial=0", "end=ok"), drain(6));
        assertEquals(5, call.transcript().size());
    }

    @Test
    void anonymousCallerAndRuleResponder() {
        FakeAgiCall call = FakeAgiCall.to(port).anonymous().connect()
                .on("^STREAM FILE", AgiReplies.streamCompleted())
                .on("^GET VARIABLE", AgiReplies.variableUnset())
                .on("^EXEC \"Dial\"", "200 result=-1");

        List<String> handled = call.respondUntilClosed();

        assertEquals(List.of("ANSWER", "STREAM FILE", "GET VARIABLE", "EXEC", "SET VARIABLE"),
                handled.stream().map(c -> c.replaceAll(" \".*", "")).toList());
        List<String> observed = drain(6);
        assertEquals("callerId=null name=Anonymous", observed.get(0));
        assertTrue(observed.get(1).matches("uniqueId=\\d+\\.\\d+ channel=PJSIP/hotline-trunk-\\w+ .*"),
                observed.get(1));
        assertEquals(List.of("pressed=none", "CASE_ID=null", "dial=-1", "end=ok"), observed.subList(2, 6));
        assertTrue(call.awaitClosedByServer(WAIT));
    }

    @Test
    void repliesMapToWhatTheScriptReads() {
        FakeAgiCall call = FakeAgiCall.to(port).script("menu").parameter("lang", "zh").arguments("vip", "2")
                .connect();
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("^GET DATA", AgiReplies.getData("12"));
        rules.put("^WAIT FOR DIGIT", AgiReplies.digit('#'));
        rules.put("^STREAM FILE \"\"", AgiReplies.invalidCommandSyntax(
                "Usage: STREAM FILE <filename> <escape_digits> [<sample offset>]"));

        call.expectAndReply("^GET DATA \"menu/main\" 3000 4$", AgiReplies.getData("12"));
        call.expectAndReply("^GET DATA", AgiReplies.timeout());
        List<String> rest = call.answerAll(rules, WAIT);

        assertEquals(3, rest.size(), rest.toString());
        assertEquals(List.of("lang=zh args=[vip, 2]", "data=[12]", "data=[]", "digit=#",
                "syntax=STREAM FILE <filename> <escape_digits> [<sample offset>]", "end=ok"), drain(6));
    }

    @Test
    void afterAHangupDeadSafeCommandsStillGetAnswers() {
        FakeAgiCall call = FakeAgiCall.to(port).connect();
        call.expectAndReply("^ANSWER$", AgiReplies.SUCCESS);
        call.expect("^STREAM FILE");

        call.hangup(); // the running STREAM FILE gets 200 result=-1, then HANGUP

        // res_agi runs GET VARIABLE and EXEC on a dead channel, as Asterisk does
        call.expectAndReply("^GET VARIABLE \"CASE_ID\"", AgiReplies.variable("C-7"));
        call.expectAndReply("^EXEC \"Dial\"", AgiReplies.FAILURE);
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(WAIT));
        List<String> observed = drain(6);
        assertEquals(List.of("pressed=none", "CASE_ID=C-7", "dial=-1", "end=ok"), observed.subList(2, 6));
    }

    @Test
    void callerHangupRaisesAgiHangupExceptionOnTheNextLiveOnlyCommand() {
        FakeAgiCall call = FakeAgiCall.to(port).script("menu").connect();
        call.expect("^GET DATA");

        call.hangup(); // this GET DATA gets 200 result=-1; the next one is refused with 511

        call.expect("^GET DATA"); // already answered 511 by the fake
        call.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\" \"FAILED\"", "200 result=1");
        assertTrue(call.awaitClosedByServer(WAIT));
        List<String> observed = drain(3);
        assertEquals("end=" + AgiHangupException.class.getSimpleName(), observed.get(2));
        assertTrue(call.transcript().stream().filter(c -> c.startsWith("GET DATA")).count() == 2,
                call.transcript().toString());
    }

    @Test
    void garbageInsteadOfAHeaderEndsThatSessionOnly() {
        byte[] noise = new byte[512];
        new Random(42).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            if (noise[i] == '\n') {
                noise[i] = 'x'; // keep it one unterminated "line" until we end it
            }
        }
        FakeAgiCall garbled = FakeAgiCall.to(port).connectWithoutHeader();
        garbled.sendGarbage(noise);
        garbled.sendGarbage("\n\n".getBytes(StandardCharsets.US_ASCII));

        // no agi_network_script -> no script mapped -> asterisk-java reports NOT_FOUND and hangs up
        garbled.expectAndReply("^SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"$", "200 result=1");
        garbled.expectAndReply("^VERBOSE \"No script configured", "200 result=1");
        assertTrue(garbled.awaitClosedByServer(WAIT));

        FakeAgiCall next = FakeAgiCall.to(port).connect();
        assertEquals(5, next.respondUntilClosed(c -> null).size());
        assertEquals("end=ok", drain(6).get(5), "the next call is served normally");
    }

    @Test
    void expectReportsMismatchTimeoutAndCloseWithTheDialogue() {
        FakeAgiCall call = FakeAgiCall.to(port).connect().timeout(Duration.ofMillis(300));

        AssertionError mismatch = assertThrows(AssertionError.class, () -> call.expect("^HANGUP"));
        assertTrue(mismatch.getMessage().contains("<< ANSWER"), mismatch.getMessage());
        AssertionError silence = assertThrows(AssertionError.class, call::nextCommand);
        assertTrue(silence.getMessage().contains("no command within"), silence.getMessage());

        call.close();
        // a line the server sent just before our close may still be read first
        AssertionError closed = assertThrows(AssertionError.class, () -> {
            for (int i = 0; i < 3; i++) {
                call.nextCommand();
            }
        });
        assertTrue(closed.getMessage().contains("closed by the test"), closed.getMessage());
        assertFalse(call.awaitClosedByServer(Duration.ofMillis(50)), "our own close is not the server's");
        assertEquals("end=" + AgiHangupException.class.getSimpleName(), drain(3).get(2),
                "the script sees the vanished caller as a hangup");
    }

    // ---- helpers ----

    private interface ScriptBody {
        void run(AgiRequest request, AgiChannel channel) throws AgiException;
    }

    /** Wraps a script so that how it ended ("end=ok" or "end=<exception>") is recorded too. */
    private AgiScript recording(ScriptBody body) {
        return (request, channel) -> {
            try {
                body.run(request, channel);
                seen.add("end=ok");
            } catch (AgiException | RuntimeException e) {
                seen.add("end=" + e.getClass().getSimpleName());
                throw e;
            }
        };
    }

    private List<String> drain(int count) {
        List<String> items = new ArrayList<>();
        try {
            while (items.size() < count) {
                String item = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    break;
                }
                items.add(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return items;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
