package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The scheduler's HTTP API server: JSON over HTTP/1.1 on Jetty (its core handler API), bound to
 * loopback unless told otherwise. Unknown paths answer 404, wrong methods 405, refused requests
 * the status of their {@link ApiException}; every error, Jetty's own included, is
 * {@code {"error": ..., "parameter": ...}} naming the part of the request at fault. With a token
 * set, every mutating request (POST, PUT, DELETE) needs {@code Authorization: Bearer <token>}
 * (401 otherwise); reads stay open.
 *
 * <p>Hostile or broken clients cost no more than a connection each: headers are read without a
 * thread and bodies asynchronously, so a client that sends half a request and waits holds no
 * worker, and is closed after the idle timeout (default 30 s).
 * Headers over 16 KiB in all, or more than 100 of them, are answered 431, a body over 4 MiB 413.
 * Handlers run on a bounded pool of at most 32 threads.
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once.
 */
public final class ApiServer implements AutoCloseable {
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_THREADS = 32;
    static final int DEFAULT_IDLE_SECONDS = 30;
    /** Below this many bytes a second a body is given up as a slow-loris (Jetty answers 408). */
    private static final long MIN_BODY_RATE = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final InetAddress address;
    private final Router router;
    private boolean started;
    private boolean closed;

    private ApiServer(Builder builder) {
        this.address = builder.address;
        this.router = new Router(builder.routes);
        if (builder.connector != null) {
            this.connector = builder.connector;
            this.server = builder.server;
            builder.connector = null;
            builder.server = null;
        } else {
            this.server = newServer();
            this.connector = connector(server, builder.address, builder.port, builder.idleTimeout);
        }
        server.setHandler(new ApiDispatcher(router, builder.token));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds (unless {@link Builder#bind() bound already}) and starts serving. */
    public synchronized ApiServer start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        started = true;
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IOException("the API server did not start: " + e.getMessage(), e);
        }
        return this;
    }

    /** @return the bound port (useful with port 0) */
    public synchronized int port() {
        return connector.getLocalPort();
    }

    /** @return every route as {@code METHOD /template}, for documentation checks */
    public List<String> routes() {
        return router.routes().stream().map(Router.Route::toString).toList();
    }

    /** @return {@code http://host:port} */
    public URI uri() {
        return URI.create("http://" + address.getHostAddress() + ":" + port());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            System.getLogger(ApiServer.class.getName()).log(System.Logger.Level.WARNING, "API server stop failed", e);
        }
        connector.close();
    }

    private static Server newServer() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4);
        pool.setName("stratum-api");
        pool.setDaemon(true);
        Server server = new Server(pool);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(2_000);
        return server;
    }

    private static ServerConnector connector(Server server, InetAddress address, int port, Duration idleTimeout) {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setUriCompliance(UriCompliance.DEFAULT);
        http.setMinRequestDataRate(MIN_BODY_RATE);
        http.setIdleTimeout(idleTimeout.toMillis());
        // One acceptor and one selector: the API serves an operator and a CLI, not a crowd.
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        connector.setAcceptQueueSize(64);
        server.addConnector(connector);
        return connector;
    }

    /** Options and routes of an {@link ApiServer}. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private String token;
        private Duration idleTimeout = Duration.ofSeconds(DEFAULT_IDLE_SECONDS);
        private final List<Router.Route> routes = new ArrayList<>();
        private Server server;
        private ServerConnector connector;

        private Builder() {}

        /**
         * Binds the socket now, before the routes are all known, so that the API's address (its
         * port, when 0 was asked for) can be handed out before it serves: connections made
         * meanwhile wait until {@link ApiServer#start()}. {@link #unbind()} releases a socket
         * never served. Options set after this call do not change the bound socket's.
         *
         * @return the bound address
         * @throws java.net.BindException if the port is in use
         */
        public synchronized InetSocketAddress bind() throws IOException {
            if (connector == null) {
                Server unstarted = newServer();
                ServerConnector opened = connector(unstarted, address, port, idleTimeout);
                opened.open();
                server = unstarted;
                connector = opened;
            }
            return new InetSocketAddress(address, connector.getLocalPort());
        }

        /** Releases a socket {@link #bind() bound} but not handed to a built server; nothing otherwise. */
        public synchronized void unbind() {
            if (connector != null) {
                connector.close();
                connector = null;
                server = null;
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

        /**
         * How long a connection may send nothing (while its request is incomplete, or between
         * requests) before it is closed; default 30 s.
         */
        public Builder withIdleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the idle timeout must be positive, got " + timeout);
            }
            idleTimeout = timeout;
            return this;
        }

        /**
         * Adds a route taking the query parameters {@code handler} declares (by default none);
         * {@code template} may hold {@code {name}} segments.
         */
        public Builder route(String method, String template, ApiHandler handler) {
            routes.add(Router.route(method.toUpperCase(Locale.ROOT), template, handler));
            return this;
        }

        /** Adds a route taking the query parameters {@code queryParameters}. */
        public Builder route(String method, String template, Set<String> queryParameters, ApiHandler handler) {
            return route(method, template, ApiHandler.withQueryParameters(queryParameters, handler));
        }

        /** @return the server; a socket {@link #bind() bound} is now its own */
        public synchronized ApiServer build() {
            return new ApiServer(this);
        }
    }
}
