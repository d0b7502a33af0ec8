package io.stratum.sdk.http;

import java.util.Map;

/**
 * An API answer: a status and a body serialised as JSON (or sent as is when it is a
 * {@link Raw}).
 *
 * @param status the HTTP status
 * @param body   a Jackson-serialisable value, a {@link Raw}, or null for no body
 */
public record ApiResponse(int status, Object body) {

    /** A body sent as is, with its content type. */
    public record Raw(String contentType, byte[] bytes) {}

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    /** @return {@code {"message": message}} with status 200 */
    public static ApiResponse message(String message) {
        return new ApiResponse(200, Map.of("message", message));
    }

    public static ApiResponse raw(int status, String contentType, byte[] bytes) {
        return new ApiResponse(status, new Raw(contentType, bytes));
    }
}
