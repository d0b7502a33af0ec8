package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.stratum.sdk.http.ApiException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one shape of every error the API answers, {@code {"error": ..., "parameter": ...}}
 * (parameter omitted when none), and the words for the errors the HTTP server itself finds in a
 * malformed request, which name the part of the request at fault in HTTP's terms.
 */
final class ErrorBodies {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ErrorBodies() {}

    static Map<String, Object> body(String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body;
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API answer could not be written as JSON", e);
        }
    }

    /**
     * The error for a request the HTTP server refused before any route saw it.
     *
     * @param status the status the server chose
     * @param reason     the server's reason (never shown as is: it may name its internals)
     * @param lineParsed whether the request line was read (the fault is in the headers or later)
     */
    static ApiException serverRefusal(int status, String reason, boolean lineParsed) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (status == 431 || r.contains("header") && (r.contains("large") || r.contains("too many"))) {
            return new ApiException(431, "headers", "the request's headers are too large (at most "
                    + ApiServer.MAX_HEADER_BYTES + " bytes in all)");
        }
        if (status == 414 || r.contains("uri") && r.contains("long")) {
            return new ApiException(414, "path", "the request's path and query are too long");
        }
        if (status == 413) {
            return new ApiException(413, "body", "the body is larger than " + ApiServer.MAX_BODY_BYTES + " bytes");
        }
        if (status == 408) {
            return new ApiException(408, "request", "the request did not arrive in time");
        }
        if (r.contains("content-length") || r.contains("content length")) {
            return ApiException.badRequest("Content-Length", "the Content-Length header must be one whole number of"
                    + " bytes, at most " + ApiServer.MAX_BODY_BYTES);
        }
        if (r.contains("transfer-encoding") || r.contains("chunk")) {
            return ApiException.badRequest("Transfer-Encoding", "the body's chunked encoding is malformed");
        }
        if (r.contains("host")) {
            return ApiException.badRequest("Host", "the Host header is missing or malformed");
        }
        if (r.contains("ambiguous") || r.contains("path") || r.contains("utf") || lineParsed && r.contains("uri")) {
            return ApiException.badRequest("path", "the path is malformed: percent-encode reserved and non-ASCII"
                    + " characters as UTF-8, and never encode '/', '.' or '%' in a segment");
        }
        if (r.contains("version") || r.contains("http/0.9")) {
            return new ApiException(status == 505 ? 505 : 400, "request line", "the request line names an unsupported"
                    + " HTTP version: use HTTP/1.1");
        }
        if (status >= 500) {
            return new ApiException(status, null, "internal error");
        }
        if (lineParsed) {
            return ApiException.badRequest("headers", "a request header is malformed: each is one 'Name: value' line,"
                    + " with no space before the colon");
        }
        return ApiException.badRequest("request line", "the request line is malformed: expected 'METHOD /path HTTP/1.1',"
                + " the path percent-encoded as UTF-8");
    }
}
