package org.carehotline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.carehotline.support.MutableClock;
import org.carehotline.support.RunningHotline;
import org.carehotline.support.RunningHotlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document the server serves describes exactly the routes its router has, each with its scope. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @RegisterExtension
    final RunningHotlines servers = new RunningHotlines();

    @Test
    void theServedDocumentListsEveryRouteOfTheRouterAndNoOther() throws Exception {
        RunningHotline hotline = servers.start(MutableClock.at("2026-11-23T02:00:00Z"), Map.of());
        HttpResponse<String> served = new ApiCalls(hotline.httpPort()).get("/api/v1/openapi.json", null);
        assertEquals(200, served.statusCode(), "served without a token");
        assertTrue(served.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonObject document = new JsonObject(served.body());
        assertEquals("3.1.0", document.getString("openapi"));
        String base = document.getJsonArray("servers").getJsonObject(0).getString("url");
        assertEquals(ApiRoutes.MOUNT, base);

        TreeSet<String> documented = new TreeSet<>();
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + base + path);
                }
            }
        }
        List<String> routed = hotline.app.apiRoutes();
        assertEquals(5, routed.size(), "the router's table: " + routed);
        assertEquals(new TreeSet<>(routed), documented);
    }

    @Test
    void everyScopeIsDocumentedOnItsRouteAndEveryRouteButTheDocumentNeedsOne() {
        JsonObject paths = new JsonObject(new String(readDocument())).getJsonObject("paths");
        Set<String> scopes = paths.fieldNames().stream().flatMap(p -> paths.getJsonObject(p).fieldNames().stream()
                .map(m -> paths.getJsonObject(p).getJsonObject(m).getString("x-scope")))
                .filter(s -> s != null).collect(Collectors.toSet());
        assertEquals(Arrays.stream(Scope.values()).map(Scope::code).collect(Collectors.toSet()), scopes);
        assertTrue(paths.getJsonObject("/openapi.json").getJsonObject("get").getJsonArray("security").isEmpty());
    }

    private static byte[] readDocument() {
        try (var in = OpenApiDocumentTest.class.getResourceAsStream("/api/openapi.json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
