package org.carehotline.console;

import java.util.Set;

/** Client addresses as people read them: the loopback address of a browser on the server itself is "本机". */
final class Addresses {

    private static final Set<String> LOOPBACK = Set.of("0:0:0:0:0:0:0:1", "::1", "127.0.0.1");

    private Addresses() {
    }

    /** {@code 0:0:0:0:0:0:0:1} → {@code 本机 (127.0.0.1)}; any other address as it is. */
    static String show(String remote, String language) {
        if (remote == null || !LOOPBACK.contains(remote)) {
            return remote == null ? "" : remote;
        }
        return ("en".equals(language) ? "this computer" : "本机") + " (127.0.0.1)";
    }
}
