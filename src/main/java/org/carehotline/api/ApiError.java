package org.carehotline.api;

import io.vertx.core.json.JsonObject;

/**
 * A refused API request: the HTTP status and the body {@code {"code": "...", "message": "..."}}
 * (with {@code "field"} when one field of the request is to blame). Thrown by handlers and
 * answered by {@link ApiGate#refuse}.
 */
final class ApiError extends RuntimeException {

    final int status;
    final String code;
    final String field;
    /** For 429: the seconds after which a request will be taken again. */
    final long retryAfterSeconds;

    private ApiError(int status, String code, String message, String field, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, 0);
    }

    /** A 400 about one field of the request body. */
    static ApiError field(String code, String field, String message) {
        return new ApiError(400, code, message, field, 0);
    }

    static ApiError rateLimited(long retryAfterSeconds) {
        return new ApiError(429, "rate_limited", "too many requests for this token; retry after "
                + retryAfterSeconds + " s", null, retryAfterSeconds);
    }

    /** What Vert.x itself refused with a bare status (the body handler's 413, a 400 it could not decode). */
    static ApiError ofStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "bad_request", "the request could not be read");
            case 404 -> of(404, "not_found", "no such API route");
            case 413 -> of(413, "body_too_large", "the request body is over " + ApiGate.MAX_BODY_BYTES + " bytes");
            default -> of(500, "internal_error", "the server could not answer this request (its log says why)");
        };
    }

    JsonObject body() {
        JsonObject body = new JsonObject().put("code", code).put("message", getMessage());
        return field == null ? body : body.put("field", field);
    }
}
