package io.stratum.sdk.internal.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real embedded ZooKeeper server per test class, with short ticks so sessions expire in a few
 * seconds, and clients that are closed after each test. Every test uses services of its own, so
 * tests share the server without seeing each other's state.
 *
 * <pre>{@code
 * @RegisterExtension static final ZooKeeperExtension ZK = new ZooKeeperExtension();
 * }</pre>
 */
final class ZooKeeperExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    static final Duration TICK = Duration.ofMillis(200);
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);

    private final List<ZooKeeperClient> clients = new ArrayList<>();
    private Path dir;
    private EmbeddedZooKeeper server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("stratum-zk-");
        server = EmbeddedZooKeeper.builder(dir).withTickTime(TICK).withStartTimeout(Duration.ofSeconds(20)).build().start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (clients) {
            clients.forEach(ZooKeeperClient::close);
            clients.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** @return the server */
    EmbeddedZooKeeper server() {
        return server;
    }

    /** @return a service name no other test uses */
    static String uniqueService() {
        return "svc-" + UUID.randomUUID();
    }

    /** @return a builder for {@code service} with test timeouts */
    ZooKeeperClient.Builder builder(String service) {
        return ZooKeeperClient.builder(server.connectString(), service)
                .withSessionTimeout(SESSION_TIMEOUT)
                .withConnectionTimeout(Duration.ofSeconds(2))
                .withOperationTimeout(Duration.ofSeconds(20))
                .withRetries(5, Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    /** @return a started client for {@code service}, closed after the test */
    ZooKeeperClient client(String service) {
        return track(builder(service).build()).started();
    }

    /** Closes {@code client} after the test. */
    Tracked track(ZooKeeperClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return new Tracked(client);
    }

    /**
     * Expires the session of {@code client} on the server, the way a long network partition or a
     * pause past the session would: a second connection joins the session with its id and
     * password, then closes it. The server deletes the session's ephemeral nodes (its lock node) at
     * once; the client learns of it only when it next hears from the server.
     */
    void expireSession(ZooKeeperClient client) throws Exception {
        ZooKeeper zk = ((CuratorClient) client).curator().getZookeeperClient().getZooKeeper();
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper twin = new ZooKeeper(server.connectString(), (int) SESSION_TIMEOUT.toMillis(), event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, zk.getSessionId(), zk.getSessionPasswd());
        try {
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("could not join the session of " + client);
            }
        } finally {
            twin.close();
        }
    }

    /** A tracked client, to start in one expression. */
    record Tracked(ZooKeeperClient client) {
        ZooKeeperClient started() {
            client.start();
            return client;
        }
    }
}
