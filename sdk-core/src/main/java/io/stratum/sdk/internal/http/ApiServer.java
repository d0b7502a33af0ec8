package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.state.PersisterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's HTTP API server: JSON over HTTP on the JDK's built-in server, bound to loopback
 * unless told otherwise. Unknown paths answer 404, wrong methods 405, refused requests the status
 * of their {@link ApiException} with {@code {"error": ..., "parameter": ...}}. With a token set,
 * every mutating request (POST, PUT, DELETE) needs {@code Authorization: Bearer <token>} (401
 * otherwise); reads stay open.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once. Handlers run on a small worker pool.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final InetAddress address;
    private final int requestedPort;
    private final String token;
    private final Router router;
    private final HttpServer bound;
    private HttpServer server;
    private ExecutorService workers;
    private boolean closed;

    private ApiServer(Builder builder) {
        this.address = builder.address;
        this.requestedPort = builder.port;
        this.token = builder.token;
        this.router = new Router(builder.routes);
        this.bound = builder.bound;
        builder.bound = null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds (unless {@link Builder#bind() bound already}) and starts serving. */
    public synchronized ApiServer start() throws IOException {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        server = bound != null ? bound : HttpServer.create(new InetSocketAddress(address, requestedPort), 64);
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stratum-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    /** @return the bound port (useful with port 0) */
    public synchronized int port() {
        return server.getAddress().getPort();
    }

    /** @return every route as {@code METHOD /template}, for documentation checks */
    public List<String> routes() {
        return router.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    /** @return {@code http://host:port} */
    public URI uri() {
        return URI.create("http://" + address.getHostAddress() + ":" + port());
    }

    @Override
    public synchronized void close() {
        if (server == null && bound != null && !closed) {
            release(bound); // bound early, never served
        }
        closed = true;
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Closes the socket of a server never started: the JDK's server closes it only once started. */
    private static void release(HttpServer unstarted) {
        unstarted.start();
        unstarted.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        ApiResponse response;
        try {
            response = dispatch(exchange);
        } catch (ApiException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            if (e.parameter() != null) {
                body.put("parameter", e.parameter());
            }
            response = new ApiResponse(e.status(), body);
        } catch (PersisterException e) {
            response = stateFailure(exchange, e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "API request " + exchange.getRequestURI() + " failed", e);
            response = new ApiResponse(500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        }
        write(exchange, response);
    }

    /**
     * A request that needed the service's state when it could not be had: ZooKeeper out of reach
     * (no quorum) is 503, to retry later; a write of a term that no longer leads is 409.
     */
    private static ApiResponse stateFailure(HttpExchange exchange, PersisterException e) {
        switch (e.reason()) {
            case UNAVAILABLE:
                return new ApiResponse(503, Map.of("error", "the service's state cannot be reached now: " + e.getMessage()));
            case FENCED:
                return new ApiResponse(409, Map.of("error", "this scheduler no longer leads the service"));
            default:
                LOG.log(System.Logger.Level.ERROR, "API request " + exchange.getRequestURI() + " failed", e);
                return new ApiResponse(500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        }
    }

    private ApiResponse dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        Optional<Router.Match> match = router.find(method, path);
        if (match.isEmpty()) {
            var allowed = router.methodsFor(path);
            if (allowed.isEmpty()) {
                throw ApiException.notFound(null, "no such endpoint: " + method + " " + path);
            }
            exchange.getResponseHeaders().add("Allow", String.join(", ", allowed));
            throw new ApiException(405, null, method + " is not allowed on " + path + " (allowed: "
                    + String.join(", ", allowed) + ")");
        }
        if (token != null && !method.equals("GET") && !method.equals("HEAD") && !authorized(exchange)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "Authorization", "this call needs the header 'Authorization: Bearer <token>'");
        }
        Map<String, String> params = new HashMap<>();
        match.get().pathParams().forEach((k, v) -> params.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
        ApiRequest request = new ApiRequest(method, path, params, query(uri.getRawQuery()), body(exchange));
        return match.get().route().handler().handle(request);
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new ApiException(413, null, "the body is larger than " + MAX_BODY + " bytes");
            }
            return bytes;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes;
        String contentType;
        if (response.body() instanceof ApiResponse.Raw raw) {
            bytes = raw.bytes();
            contentType = raw.contentType();
        } else if (response.body() == null) {
            bytes = new byte[0];
            contentType = "application/json";
        } else {
            bytes = JSON.writeValueAsBytes(response.body());
            contentType = "application/json";
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || bytes.length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** Options and routes of an {@link ApiServer}. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private String token;
        private final List<Router.Route> routes = new ArrayList<>();
        private HttpServer bound;

        private Builder() {}

        /**
         * Binds the socket now, before the routes are all known, so that the API's address (its
         * port, when 0 was asked for) can be handed out before it serves: connections made
         * meanwhile wait until {@link ApiServer#start()}. {@link #unbind()} releases a socket
         * never served.
         *
         * @return the bound address
         * @throws java.net.BindException if the port is in use
         */
        public synchronized InetSocketAddress bind() throws IOException {
            if (bound == null) {
                bound = HttpServer.create(new InetSocketAddress(address, port), 64);
            }
            return bound.getAddress();
        }

        /** Releases a socket {@link #bind() bound} but not handed to a built server; nothing otherwise. */
        public synchronized void unbind() {
            if (bound != null) {
                release(bound);
                bound = null;
            }
        }

        /** The address to bind (default: loopback). */
        public Builder withAddress(InetAddress newAddress) {
            address = Objects.requireNonNull(newAddress, "address");
            return this;
        }

        /** The port to bind; 0 (default) picks a free one. */
        public Builder withPort(int newPort) {
            if (newPort < 0 || newPort > 65_535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + newPort);
            }
            port = newPort;
            return this;
        }

        /** Requires {@code Authorization: Bearer <token>} on mutating calls; null disables. */
        public Builder withToken(String newToken) {
            token = newToken == null || newToken.isEmpty() ? null : newToken;
            return this;
        }

        /** Adds a route; {@code template} may hold {@code {name}} segments. */
        public Builder route(String method, String template, ApiHandler handler) {
            routes.add(Router.route(method.toUpperCase(Locale.ROOT), template, handler));
            return this;
        }

        /** @return the server; a socket {@link #bind() bound} is now its own */
        public synchronized ApiServer build() {
            return new ApiServer(this);
        }
    }
}
