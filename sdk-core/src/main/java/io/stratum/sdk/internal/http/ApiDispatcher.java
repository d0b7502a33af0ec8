package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.state.PersisterException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Turns an HTTP request into an {@link ApiRequest} for its route and the route's
 * {@link ApiResponse} back into HTTP. In order: the route (404, 405), the token on mutating
 * methods (401), the origin of a mutating request a browser sends (403: no cross-site posts), the
 * path and query, strictly decoded and only the route's parameters (400), the body's size (413)
 * and type (a body must be JSON, 400), then the handler.
 *
 * <p>The body is read without holding a thread: a client that sends part of it and waits costs
 * a connection (closed after the idle timeout), never a worker. The handler runs on a worker.
 */
final class ApiDispatcher extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private final Router router;
    private final String token;

    ApiDispatcher(Router router, String token) {
        this.router = router;
        this.token = token;
    }

    /** A request whose route was found and whose head was accepted, waiting for its body. */
    private record Accepted(Router.Match match, String method, String path, Map<String, String> pathParams,
            Map<String, String> query, String contentType) {}

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Map<String, String> headers = new LinkedHashMap<>();
        Accepted accepted;
        try {
            accepted = accept(request, headers);
        } catch (ApiException e) {
            write(request, response, callback, error(e), headers);
            return true;
        }
        Content.Source.asByteArrayAsync(request, ApiServer.MAX_BODY_BYTES).whenComplete((body, failure) ->
                request.getComponents().getExecutor().execute(() -> {
                    ApiResponse answer;
                    try {
                        answer = failure != null ? error(unreadable(failure)) : run(accepted, body);
                    } catch (ApiException e) {
                        answer = error(e);
                    }
                    write(request, response, callback, answer, headers);
                }));
        return true;
    }

    private Accepted accept(Request request, Map<String, String> headers) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (request.getHeaders().size() > ApiServer.MAX_HEADERS) {
            throw new ApiException(431, "headers", "the request has more than " + ApiServer.MAX_HEADERS + " headers");
        }
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/")) {
            throw ApiException.badRequest("path", "the request's target must be a path starting with '/'");
        }
        RequestTarget.checkPath(path);
        Optional<Router.Match> match = router.find(method, path);
        if (match.isEmpty()) {
            var allowed = router.methodsFor(path);
            if (allowed.isEmpty()) {
                throw new ApiException(404, "path", "no such endpoint: " + method + " " + path);
            }
            headers.put("Allow", String.join(", ", allowed));
            throw new ApiException(405, "method", method + " is not allowed on " + path + " (allowed: "
                    + String.join(", ", allowed) + ")");
        }
        boolean mutating = !method.equals("GET") && !method.equals("HEAD");
        if (token != null && mutating && !authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            headers.put("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "Authorization", "this call needs the header 'Authorization: Bearer <token>'");
        }
        if (mutating) {
            checkOrigin(request);
        }
        Router.Route route = match.get().route();
        Map<String, String> params = new HashMap<>();
        match.get().pathParams().forEach((k, v) -> params.put(k, RequestTarget.segment(v)));
        Map<String, String> query = RequestTarget.query(request.getHttpURI().getQuery(), route.queryParameters(),
                route.toString());
        long length = request.getLength();
        if (length > ApiServer.MAX_BODY_BYTES) {
            throw new ApiException(413, "Content-Length", "the body is larger than " + ApiServer.MAX_BODY_BYTES + " bytes");
        }
        return new Accepted(match.get(), method, path, params, query, request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    }

    private ApiResponse run(Accepted accepted, byte[] body) {
        if (body.length > 0) {
            checkBody(accepted.method(), accepted.contentType());
        }
        ApiRequest request = new ApiRequest(accepted.method(), accepted.path(), accepted.pathParams(), accepted.query(),
                body);
        try {
            return accepted.match().route().handler().handle(request);
        } catch (ApiException e) {
            throw e;
        } catch (PersisterException e) {
            return stateFailure(accepted, e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "API request " + accepted.method() + " " + accepted.path() + " failed", e);
            return new ApiResponse(500, ErrorBodies.body("internal error: the scheduler's log says more", null));
        }
    }

    /**
     * A request that needed the service's state when it could not be had: ZooKeeper out of reach
     * (no quorum) is 503, to retry later; a write of a term that no longer leads is 409.
     */
    private static ApiResponse stateFailure(Accepted accepted, PersisterException e) {
        return switch (e.reason()) {
            case UNAVAILABLE -> new ApiResponse(503, ErrorBodies.body("the service's state cannot be reached now (its"
                    + " ZooKeeper is out of reach): try again later", null));
            case FENCED -> new ApiResponse(409, ErrorBodies.body("this scheduler no longer leads the service", null));
            default -> {
                LOG.log(System.Logger.Level.ERROR, "API request " + accepted.method() + " " + accepted.path() + " failed", e);
                yield new ApiResponse(500, ErrorBodies.body("internal error: the scheduler's log says more", null));
            }
        };
    }

    /**
     * A body (not empty) is JSON, and says so: a {@code text/plain} or form body is what a web page
     * can post cross-site without asking, and a body of another type was not meant for this API.
     */
    private static void checkBody(String method, String contentType) {
        if (method.equals("GET") || method.equals("HEAD")) {
            throw ApiException.badRequest("body", method + " takes no body");
        }
        if (contentType == null) {
            throw ApiException.badRequest("Content-Type", "a body needs the header 'Content-Type: application/json'");
        }
        String[] parts = contentType.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            json = parameter.isEmpty() || parameter.equals("charset=utf-8");
        }
        if (!json) {
            throw ApiException.badRequest("Content-Type", "the body must be JSON ('Content-Type: application/json', UTF-8),"
                    + " not '" + contentType.strip() + "'");
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A browser names the page's origin on every cross-site POST or PUT, even on those it sends
     * without asking (a form, a body-less fetch): refused unless it is this server's own origin.
     * Clients that are not browsers send no {@code Origin}.
     */
    private static void checkOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        String own;
        try {
            URI uri = URI.create(origin);
            own = uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            own = null;
        }
        if (own == null || host == null || !own.equalsIgnoreCase(host)) {
            throw new ApiException(403, "Origin", "a mutating call from a web page of another origin is refused");
        }
    }

    /** A body that could not be read: too large, or never sent in full. */
    private static ApiException unreadable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return new ApiException(408, "body", "the body did not arrive in time (shorter than its Content-Length?)");
        }
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            return new ApiException(413, "body", "the body is larger than " + ApiServer.MAX_BODY_BYTES + " bytes");
        }
        return ApiException.badRequest("body", "the body could not be read: it ended early or its chunked encoding"
                + " is malformed");
    }

    private static ApiResponse error(ApiException e) {
        return new ApiResponse(e.status(), ErrorBodies.body(e.getMessage(), e.parameter()));
    }

    private static void write(Request request, Response response, Callback callback, ApiResponse answer,
            Map<String, String> headers) {
        byte[] bytes;
        String contentType = "application/json";
        if (answer.body() instanceof ApiResponse.Raw raw) {
            bytes = raw.bytes();
            contentType = raw.contentType();
        } else {
            bytes = answer.body() == null ? new byte[0] : ErrorBodies.bytes(answer.body());
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        headers.forEach(response.getHeaders()::put);
        boolean noBody = request.getMethod().equalsIgnoreCase("HEAD") || bytes.length == 0;
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, noBody ? 0 : bytes.length);
        response.write(true, noBody ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(bytes), callback);
    }
}
