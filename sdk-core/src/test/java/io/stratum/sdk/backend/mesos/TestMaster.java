package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Mesos master for tests, on 127.0.0.1, speaking the v1 scheduler HTTP API as documented:
 * {@code POST /api/v1/scheduler}; SUBSCRIBE answered with a chunked RecordIO stream of JSON
 * events and a {@code Mesos-Stream-Id}; other calls answered {@code 202}, or {@code 403} when no
 * one is subscribed, {@code 400} without the right stream id; a standby answers {@code 307} with
 * {@code Location: //host:port/api/v1/scheduler}. Every call is parsed against the official
 * {@code mesos.v1.scheduler.Call} schema first; one that does not parse, or misses a required
 * field, is answered {@code 400} and recorded in the cluster's errors. The cluster behind it
 * ({@link FakeCluster}) may be shared by several masters: only the leader (one without a redirect)
 * sends heartbeats and offers.
 */
final class TestMaster implements AutoCloseable {
    final FakeCluster cluster;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    /** When set, this master is a standby: everything is redirected to this master. */
    volatile TestMaster redirectTo;
    /** While set, the master answers everything with 503, as one that has lost its leadership. */
    volatile boolean unavailable;
    /** When set, requests must carry these basic credentials. */
    volatile String authorization;

    private TestMaster(FakeCluster cluster) throws IOException {
        this.cluster = cluster;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(MasterClient.PATH, this::handle);
        server.setExecutor(handlers);
    }

    static TestMaster start(FakeCluster cluster) throws IOException {
        TestMaster master = new TestMaster(cluster);
        master.server.start();
        master.ticker.scheduleWithFixedDelay(master::tick, 20, 20, TimeUnit.MILLISECONDS);
        return master;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (redirectTo == null) {
            cluster.dropStream();
        }
        server.stop(0);
        handlers.shutdownNow();
    }

    private void tick() {
        if (redirectTo == null) {
            try {
                cluster.tick(Instant.now());
            } catch (RuntimeException e) {
                cluster.errors.add("tick: " + e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            TestMaster leader = redirectTo;
            if (leader != null) {
                exchange.getResponseHeaders().add("Location", "//127.0.0.1:" + leader.server.getAddress().getPort()
                        + MasterClient.PATH);
                exchange.sendResponseHeaders(307, -1);
                return;
            }
            if (unavailable) {
                reply(exchange, 503, "no leading master");
                return;
            }
            if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "unauthenticated");
                return;
            }
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                cluster.errors.add("Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            try {
                ProtoCheck.call(body);
            } catch (IllegalArgumentException e) {
                cluster.errors.add(e.getMessage());
                reply(exchange, 400, e.getMessage());
                return;
            }
            ObjectNode call = (ObjectNode) Wire.JSON.readTree(body);
            cluster.calls.add(call);
            if ("SUBSCRIBE".equals(call.path("type").asText()) && authorization != null) {
                // as a real master: the authenticated principal must be the framework's
                String authenticated = new String(java.util.Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                        java.nio.charset.StandardCharsets.UTF_8).split(":", 2)[0];
                String declared = call.path("subscribe").path("framework_info").path("principal").asText();
                if (!authenticated.equals(declared)) {
                    reply(exchange, 400, "Failed to validate scheduler::Call: Authenticated principal '" + authenticated
                            + "' does not match principal '" + declared + "' set in `FrameworkInfo`");
                    return;
                }
            }
            if ("SUBSCRIBE".equals(call.path("type").asText())) {
                subscribe(exchange, call);
            } else {
                call(exchange, call);
            }
        } catch (RuntimeException e) {
            cluster.errors.add("the test master failed: " + e);
            throw e;
        }
    }

    private void subscribe(HttpExchange exchange, JsonNode call) throws IOException {
        if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Accept"))) {
            cluster.errors.add("SUBSCRIBE without Accept: application/json");
        }
        EventQueue events = cluster.subscribe(call);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add(MasterClient.STREAM_ID, events.streamId);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] record = events.next(100);
                if (record != null && record.length == 0) {
                    return;
                }
                if (record != null) {
                    out.write(record);
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the scheduler went away
        }
    }

    private void call(HttpExchange exchange, JsonNode call) throws IOException {
        String streamId = exchange.getRequestHeaders().getFirst(MasterClient.STREAM_ID);
        String current = cluster.streamId();
        if (current == null) {
            reply(exchange, 403, "Framework is not subscribed");
            return;
        }
        if (!current.equals(streamId)) {
            cluster.errors.add("a " + call.path("type").asText() + " call with stream id " + streamId + ", not " + current);
            reply(exchange, 400, "The stream ID '" + streamId + "' included in this request didn't match");
            return;
        }
        cluster.call(call);
        exchange.sendResponseHeaders(202, -1);
    }

    private static void reply(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
