package org.carehotline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fakes checked against what a real Asterisk 22.10.1 sent (transcripts recorded by
 * src/test/resources/asterisk22/recorder): the same actions replayed on {@link FakeAmiServer}
 * must get the same responses and list events, and the reply lines {@link AgiReplies} offers
 * must be ones res_agi really wrote.
 */
class FakesAgainstAsterisk22Test {

    /** Fields whose values depend on the moment (uptimes, channel names), compared by presence only. */
    private static final Set<String> MOMENTARY = Set.of("ActionID", "Uptime", "LastReload", "Timestamp",
            "Privilege", "Output");

    private static Map<String, String> comparable(Map<String, String> message) {
        Map<String, String> fields = new TreeMap<>();
        message.forEach((k, v) -> fields.put(k, MOMENTARY.contains(k) ? "…" : v));
        return fields;
    }

    @Test
    void theBannerAndVersionAreAsterisk22s() {
        Transcript login = Transcript.read("ami-actions.txt");
        assertEquals(FakeAmiServer.BANNER, login.fromAsterisk().get(0));
    }

    @Test
    void astDbListAndErrorActionsAnswerAsAsterisk22Does() throws Exception {
        Transcript recorded = Transcript.read("ami-actions.txt");
        List<Map<String, String>> actions = recorded.messages(false).stream()
                .filter(a -> Set.of("DBPut", "DBGet", "DBGetTree", "DBDel", "DBDelTree", "PlayDTMF")
                        .contains(a.get("Action"))).toList();
        List<Map<String, String>> answers = recorded.messages(true);
        try (FakeAmiServer ami = FakeAmiServer.start().withCredentials("hotline", "hotline-test-secret");
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), ami.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine(); // banner
            send(out, Map.of("Action", "Login", "ActionID", "rec-1", "Username", "hotline",
                    "Secret", "hotline-test-secret"));
            readUntilActionDone(in, "rec-1");
            for (Map<String, String> action : actions) {
                String id = action.get("ActionID");
                send(out, action);
                List<Map<String, String>> expected = answers.stream().filter(m -> id.equals(m.get("ActionID")))
                        .map(FakesAgainstAsterisk22Test::comparable).toList();
                List<Map<String, String>> actual = readUntilActionDone(in, id).stream()
                        .map(FakesAgainstAsterisk22Test::comparable).toList();
                assertEquals(expected, actual, "answers to " + action);
            }
        }
    }

    @Test
    void theAgiRepliesTheFakesUseAreOnesRes_agiWrote() {
        List<String> written = new ArrayList<>();
        for (String name : List.of("call-answered-agi.txt", "menu-hangup-agi.txt", "dial-outcomes-agi.txt",
                "decline-and-wake-agi.txt", "caller-hangs-up-while-ringing-agi.txt")) {
            written.addAll(Transcript.read(name).fromAsterisk());
        }
        for (String reply : List.of(AgiReplies.DEAD_CHANNEL, AgiReplies.STREAM_FILE_MISSING, AgiReplies.WAIT_TIMEOUT,
                AgiReplies.DIAL_AFTER_BRIDGE, AgiReplies.SUCCESS, "200 result=1", "HANGUP")) {
            assertTrue(written.contains(reply), "Asterisk 22 never wrote '" + reply + "'");
        }
    }

    private static void send(OutputStream out, Map<String, String> action) throws Exception {
        StringBuilder text = new StringBuilder();
        action.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
        out.write(text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The messages for one action: its response, and for a list action its events up to the complete one. */
    private static List<Map<String, String>> readUntilActionDone(BufferedReader in, String actionId) throws Exception {
        List<Map<String, String>> messages = new ArrayList<>();
        boolean list = false;
        while (true) {
            Map<String, String> message = new java.util.LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    message.merge(line.substring(0, colon), line.substring(colon + 2), (a, b) -> a + "\n" + b);
                }
            }
            if (!actionId.equals(message.get("ActionID"))) {
                continue;
            }
            messages.add(message);
            if (message.containsKey("Response")) {
                list = "start".equals(message.get("EventList"));
            }
            if (!list || "Complete".equals(message.get("EventList"))) {
                return messages;
            }
        }
    }
}
