package org.carehotline.console;

import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.carehotline.console.auth.Csrf;
import org.carehotline.console.auth.Sessions;
import org.carehotline.vocabulary.Vocabulary;

/**
 * What {@code layout.ftlh} needs on every page, the console's and the report pages' alike: the
 * user, the CSRF token, the language, the path and query (so the language switch keeps a
 * search's filters), and the vocabulary helpers. Read on the event loop.
 */
final class PageFrame {

    private PageFrame() {
    }

    static Map<String, Object> of(RoutingContext ctx, Csrf csrf) {
        String lang = Pages.language(ctx);
        String query = ctx.request().query() == null ? "" : ctx.request().query();
        Map<String, Object> frame = new HashMap<>();
        Sessions.user(ctx).ifPresent(user -> frame.put("me", user));
        frame.put("csrf", ctx.session() == null ? "" : csrf.token(ctx.session()));
        frame.put("lang", lang);
        frame.put("path", ctx.request().path());
        // a referrer's own search for a number is not echoed into a link (they never get numbers back)
        boolean numbers = Sessions.user(ctx).map(u -> u.seesPhoneNumbers()).orElse(false);
        frame.put("languageHref", languageHref(ctx.request().path(), numbers ? query : withoutPhone(query), lang));
        frame.put("crisisReasons", Vocabulary.CRISIS_REASON.labelsByWriting(lang));
        return frame;
    }

    private static String withoutPhone(String query) {
        return String.join("&", java.util.Arrays.stream(query.split("&")).filter(p -> !p.startsWith("phone="))
                .toList());
    }

    /** The same page and query in the other language: {@code /cases?plate=豫A&lang=en}. */
    static String languageHref(String path, String query, String lang) {
        StringBuilder href = new StringBuilder(path).append('?');
        for (String pair : query.split("&")) {
            String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!pair.isEmpty() && !name.equals("lang")) {
                href.append(pair).append('&');
            }
        }
        return href.append("lang=").append(URLEncoder.encode("zh".equals(lang) ? "en" : "zh", StandardCharsets.UTF_8))
                .toString();
    }
}
