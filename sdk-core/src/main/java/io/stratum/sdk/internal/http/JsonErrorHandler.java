package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a malformed request line, a bad escape, a bad {@code Content-Length},
 * headers too large, a request that never arrived in full) in the API's JSON shape instead of
 * Jetty's HTML page, for every method and whatever the client accepts.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_STATUS) instanceof Integer code) {
            status = code;
        }
        // Jetty names a request whose request line it could not parse "BAD"; otherwise the fault is later.
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        boolean lineParsed = !"BAD".equals(request.getMethod()) && path != null && path.startsWith("/");
        ApiException error = ErrorBodies.serverRefusal(status, reason(request.getAttribute(ERROR_MESSAGE),
                request.getAttribute(ERROR_EXCEPTION)), lineParsed);
        byte[] bytes = ErrorBodies.bytes(ErrorBodies.body(error.getMessage(), error.parameter()));
        response.setStatus(error.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }

    /** The body of an answer the HTTP parser sends itself, before a request exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiException error = ErrorBodies.serverRefusal(status, reason, false);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
        return ByteBuffer.wrap(ErrorBodies.bytes(ErrorBodies.body(error.getMessage(), error.parameter())));
    }

    private static String reason(Object message, Object cause) {
        StringBuilder out = new StringBuilder(message == null ? "" : message.toString());
        if (cause instanceof Throwable t) {
            out.append(' ').append(t.getMessage());
        }
        return out.toString();
    }
}
