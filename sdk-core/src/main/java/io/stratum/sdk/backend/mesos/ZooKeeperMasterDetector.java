package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

/**
 * Reads the leading master from ZooKeeper, as Mesos masters publish it: each contender holds an
 * ephemeral sequential node {@code json.info_<sequence>} under the path, holding its
 * {@code MasterInfo} as JSON; the lowest sequence is the leader. Connects on first use; thread-safe.
 */
final class ZooKeeperMasterDetector implements MasterDetector {
    private static final String PREFIX = "json.info_";

    private final String connectString;
    private final String path;
    private final String auth;
    private final Duration timeout;
    private CuratorFramework curator;

    /** @param url {@code zk://[user:password@]host:port[,host:port...]/path} */
    ZooKeeperMasterDetector(String url, Duration timeout) {
        String rest = url.substring("zk://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("expected zk://host:port/path, got '" + url + "'");
        }
        String hosts = rest.substring(0, slash);
        int at = hosts.lastIndexOf('@');
        this.auth = at < 0 ? null : hosts.substring(0, at);
        this.connectString = hosts.substring(at + 1);
        this.path = rest.substring(slash).replaceAll("/+$", "");
        this.timeout = timeout;
    }

    @Override
    public synchronized URI leader() throws IOException {
        try {
            CuratorFramework zk = client();
            List<String> contenders = zk.getChildren().forPath(path).stream().filter(n -> n.startsWith(PREFIX)).toList();
            String leader = contenders.stream().min(Comparator.comparingLong(ZooKeeperMasterDetector::sequence))
                    .orElseThrow(() -> new IOException("no Mesos master is registered under " + path + " in ZooKeeper "
                            + connectString));
            byte[] data = zk.getData().forPath(path + "/" + leader);
            return address(Wire.JSON.readTree(new String(data, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read the leading Mesos master from ZooKeeper " + connectString + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the HTTP address in a {@code MasterInfo}: its {@code address} (hostname, else ip), else the old fields */
    static URI address(JsonNode info) throws IOException {
        JsonNode address = info.path("address");
        String host = Wire.text(address, "hostname").or(() -> Wire.text(address, "ip"))
                .or(() -> Wire.text(info, "hostname")).orElse(null);
        int port = address.path("port").asInt(info.path("port").asInt(0));
        if (host == null || port <= 0) {
            throw new IOException("the leading master's info has no address: " + info);
        }
        return MasterDetector.base("http://" + host + ":" + port);
    }

    static long sequence(String node) {
        try {
            return Long.parseLong(node.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private CuratorFramework client() throws InterruptedException, IOException {
        if (curator == null) {
            int millis = Math.toIntExact(timeout.toMillis());
            CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder().connectString(connectString)
                    .sessionTimeoutMs(Math.max(millis * 2, 10_000)).connectionTimeoutMs(millis)
                    .retryPolicy(new BoundedExponentialBackoffRetry(100, 2_000, 3));
            if (auth != null) {
                builder.authorization("digest", auth.getBytes(StandardCharsets.UTF_8));
            }
            curator = builder.build();
            curator.start();
        }
        if (!curator.blockUntilConnected(Math.toIntExact(timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            throw new IOException("cannot connect to ZooKeeper " + connectString + " within " + timeout.toMillis() + " ms");
        }
        return curator;
    }

    @Override
    public synchronized void close() {
        if (curator != null) {
            curator.close();
            curator = null;
        }
    }
}
