package org.carehotline.telephony.ami;

import java.io.IOException;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/** asterisk-java's manager connection over {@link AmiSocket} (TCP_NODELAY, events numbered for loss detection). */
final class AmiConnection extends ManagerConnectionImpl {

    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final EventLossDetector detector;

    AmiConnection(String host, int port, String user, String secret, EventLossDetector detector) {
        this.detector = detector;
        setHostname(host);
        setPort(port);
        setUsername(user);
        setPassword(secret);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return AmiSocket.connect(getHostname(), getPort(), CONNECT_TIMEOUT_MS, 0, detector);
    }
}
