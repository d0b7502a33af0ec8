package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.BooleanSupplier;

/**
 * A persister that fails at once, with {@link PersisterException.Reason#UNAVAILABLE}, while its
 * client has no connection to ZooKeeper, instead of waiting (up to the connection timeout, on
 * every retry) for one: what a term of leadership and the API's requests use. A term is over as
 * soon as the connection is suspended (the lock gives up leadership then), so nothing it would
 * wait for is worth waiting for; and an API request must answer during a lost quorum rather than
 * hang for as long as the outage lasts. An operation already under way when the connection drops
 * still retries as the client's persister does.
 */
final class ConnectedPersister implements Persister {
    private final Persister underlying;
    private final BooleanSupplier connected;

    ConnectedPersister(Persister underlying, BooleanSupplier connected) {
        this.underlying = underlying;
        this.connected = connected;
    }

    private void requireConnected(String path) {
        if (!connected.getAsBoolean()) {
            throw new PersisterException(PersisterException.Reason.UNAVAILABLE, path,
                    "no connection to ZooKeeper now (no quorum, or no server reachable)", null);
        }
    }

    @Override
    public Optional<byte[]> get(String path) {
        requireConnected(path);
        return underlying.get(path);
    }

    @Override
    public List<String> children(String path) {
        requireConnected(path);
        return underlying.children(path);
    }

    @Override
    public SortedMap<String, byte[]> childValues(String path) {
        requireConnected(path);
        return underlying.childValues(path);
    }

    @Override
    public boolean exists(String path) {
        requireConnected(path);
        return underlying.exists(path);
    }

    @Override
    public void set(String path, byte[] value) {
        requireConnected(path);
        underlying.set(path, value);
    }

    @Override
    public void delete(String path) {
        requireConnected(path);
        underlying.delete(path);
    }

    @Override
    public void apply(Batch batch) {
        requireConnected(null);
        underlying.apply(batch);
    }

    @Override
    public String toString() {
        return "Connected[" + underlying + "]";
    }
}
