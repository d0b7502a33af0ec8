package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A persister that reads from another and leaves its writes ({@code set}, {@code delete},
 * {@code apply}) to the subclass: a transaction collecting them, a test recording them.
 * Thread-safe as far as the underlying persister and the subclass are.
 */
public abstract class ReadThroughPersister implements Persister {
    private final Persister underlying;

    /** @param underlying where reads go */
    protected ReadThroughPersister(Persister underlying) {
        this.underlying = Objects.requireNonNull(underlying, "underlying");
    }

    /** @return where reads go */
    protected final Persister underlying() {
        return underlying;
    }

    @Override
    public final Optional<byte[]> get(String path) {
        return underlying.get(path);
    }

    @Override
    public final List<String> children(String path) {
        return underlying.children(path);
    }

    @Override
    public final SortedMap<String, byte[]> childValues(String path) {
        return underlying.childValues(path);
    }

    @Override
    public final boolean exists(String path) {
        return underlying.exists(path);
    }
}
