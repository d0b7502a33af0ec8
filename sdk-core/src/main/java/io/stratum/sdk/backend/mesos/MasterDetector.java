package io.stratum.sdk.backend.mesos;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Finds the leading Mesos master: a fixed address ({@code http://host:5050}, {@code host:5050};
 * a standby answers {@code 307} pointing at the leader) or ZooKeeper ({@code zk://host:2181/mesos},
 * see {@link ZooKeeperMasterDetector}).
 */
interface MasterDetector extends AutoCloseable {

    /**
     * @return the leader's base address, {@code scheme://host:port}
     * @throws IOException if no leader can be found now (the caller tries again later)
     */
    URI leader() throws IOException;

    @Override
    default void close() {}

    /**
     * @param master  {@code zk://[user:password@]host:port[,host:port...]/path}, or a master's address
     * @param timeout how long a ZooKeeper read may take
     * @throws IllegalArgumentException if {@code master} is not an address
     */
    static MasterDetector of(String master, Duration timeout) {
        if (master.startsWith("zk://")) {
            return new ZooKeeperMasterDetector(master, timeout);
        }
        URI fixed = base(master.contains("://") ? master : "http://" + master);
        return () -> fixed;
    }

    /** @return {@code scheme://host[:port]} of {@code address} (no credentials, no path), which must be http or https with a host */
    static URI base(String address) {
        try {
            URI uri = new URI(address);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not a Mesos master address: '" + address
                        + "' (expected http://host:port, host:port or zk://host:port/path)");
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Mesos master address: '" + address + "': " + e.getMessage(), e);
        }
    }

    /**
     * @param current  the master that redirected
     * @param location its {@code Location} header: {@code //host:port/path} (what Mesos sends),
     *                 {@code http://host:port/...} or {@code host:port}
     * @return the base address of the master redirected to
     */
    static URI redirect(URI current, String location) {
        String target = location.trim();
        if (target.startsWith("//")) {
            target = current.getScheme() + ":" + target;
        } else if (!target.contains("://")) {
            target = current.getScheme() + "://" + target;
        }
        return base(target);
    }
}
