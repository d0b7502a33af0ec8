package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.state.Batch;
import io.stratum.sdk.internal.state.Persister;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** A persister that records what reaches the store: each write (set, delete, batch) and every path set. */
final class RecordingPersister implements Persister {
    /** The paths set, one by one or within batches, in order. */
    final List<String> written = new ArrayList<>();
    private final Persister delegate;
    private int writes;

    RecordingPersister(Persister delegate) {
        this.delegate = delegate;
    }

    /** @return the writes that reached the store: a batch counts once */
    int writes() {
        return writes;
    }

    @Override
    public Optional<byte[]> get(String path) {
        return delegate.get(path);
    }

    @Override
    public List<String> children(String path) {
        return delegate.children(path);
    }

    @Override
    public SortedMap<String, byte[]> childValues(String path) {
        return delegate.childValues(path);
    }

    @Override
    public boolean exists(String path) {
        return delegate.exists(path);
    }

    @Override
    public void set(String path, byte[] value) {
        writes++;
        written.add(path);
        delegate.set(path, value);
    }

    @Override
    public void delete(String path) {
        writes++;
        delegate.delete(path);
    }

    @Override
    public void apply(Batch batch) {
        writes++;
        batch.operations().stream().filter(Batch.SetValue.class::isInstance).map(Batch.Operation::path).forEach(written::add);
        delegate.apply(batch);
    }
}
