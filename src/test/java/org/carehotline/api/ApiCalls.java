package org.carehotline.api;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
import org.carehotline.store.MongoStore;

/** Calls the integration API over HTTP, as a union's system would, and reads what it left in the store. */
final class ApiCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ApiCalls(int port) {
        this.port = port;
    }

    /** A GET with {@code Authorization: Bearer <token>}; no header when the token is null. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String token, JsonObject body) throws IOException, InterruptedException {
        return post(path, token, "application/json", body.encode());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return token == null ? request : request.header("authorization", "Bearer " + token);
    }

    /** The error code of a refusal: {@code {"code": ..., "message": ...}}, both present. */
    static String code(HttpResponse<String> response) {
        JsonObject body = new JsonObject(response.body());
        if (body.getString("message", "").isEmpty()) {
            throw new AssertionError("an error without a message: " + response.body());
        }
        return body.getString("code");
    }

    /** The API's audit entries, oldest first. */
    static List<Document> auditEntries(MongoStore store) {
        return StreamSupport.stream(store.database().getCollection(CollectionNames.AUDIT)
                .find(new Document("action", "api.request")).sort(new Document("_id", 1)).spliterator(), false).toList();
    }
}
