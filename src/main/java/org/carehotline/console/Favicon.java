package org.carehotline.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The console's icon, from the jar ({@code favicon.svg}); also answered for browsers that ask for /favicon.ico. */
final class Favicon {

    private Favicon() {
    }

    static void mount(Router router) {
        Buffer svg = Buffer.buffer(read());
        for (String path : new String[] {"/favicon.svg", "/favicon.ico"}) {
            router.get(path).handler(ctx -> ctx.response().putHeader("content-type", "image/svg+xml")
                    .putHeader("cache-control", "max-age=86400").end(svg));
        }
    }

    private static byte[] read() {
        try (InputStream in = Favicon.class.getResourceAsStream("/favicon.svg")) {
            if (in == null) {
                throw new IllegalStateException("favicon.svg missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
