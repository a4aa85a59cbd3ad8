package org.carehotline.telephony.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AmiSocketTest {

    @Test
    void readsAsteriskLinesEndedByCrLfAndSendsWithoutNagleDelay() throws Exception {
        try (ServerSocket asterisk = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AmiSocket ami = AmiSocket.connect("127.0.0.1", asterisk.getLocalPort(), 5000, 5000);
            try (Socket peer = asterisk.accept()) {
                assertTrue(ami.tcpNoDelay(), "an action must not wait for the previous one's acknowledgement");
                OutputStream out = peer.getOutputStream();
                out.write("Asterisk Call Manager/11.0.0\r\nResponse: Follows\r\nOutput: a\nb\r\n\r\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("Asterisk Call Manager/11.0.0", ami.readLine());
                assertEquals("Response: Follows", ami.readLine());
                assertEquals("Output: a\nb", ami.readLine(), "a lone LF is part of the line");
                assertEquals("", ami.readLine(), "the blank line that ends a message");

                ami.write("Action: Ping\r\n\r\n");
                ami.flush();
                byte[] got = peer.getInputStream().readNBytes(16);
                assertEquals("Action: Ping\r\n\r\n", new String(got, StandardCharsets.UTF_8));
            }
            IOException closed = assertThrows(IOException.class, ami::readLine);
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
            ami.close();
        }
    }

    @Test
    void eventsNobodyReadsAreSkippedUnreadAndTheOthersNumberedWholeEvenAcrossTheBuffer() throws Exception {
        ReaderCounters counters = new ReaderCounters();
        EventLossDetector detector = new EventLossDetector(n -> { }, () -> { }, counters);
        String longValue = "x".repeat(20_000); // longer than the socket's buffer
        try (ServerSocket asterisk = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AmiSocket ami = AmiSocket.connect("127.0.0.1", asterisk.getLocalPort(), 5000, 5000, detector);
            try (Socket peer = asterisk.accept()) {
                OutputStream out = peer.getOutputStream();
                out.write(("Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: A\r\nValue: " + longValue
                        + "\r\n\r\nEvent: DeviceStateChange\r\nDevice: PJSIP/6001\r\nState: INUSE\r\n\r\n"
                        + "Event: Newexten\r\nApplication: AGI\r\nAppData: a\nb\r\n\r\n"
                        + "Response: Success\r\nMessage: " + longValue + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("Event: DeviceStateChange", ami.readLine(), "VarSet skipped");
                assertEquals("SequenceNumber: 0", ami.readLine());
                assertEquals("Device: PJSIP/6001", ami.readLine());
                assertEquals("State: INUSE", ami.readLine());
                assertEquals("", ami.readLine());
                assertEquals("Response: Success", ami.readLine(), "Newexten skipped, a lone LF inside it too");
                assertEquals("Message: " + longValue, ami.readLine());
                assertEquals("", ami.readLine());
                assertEquals(2, counters.skipped.get());
            }
            ami.close();
        }
    }
}
