package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.state.Batch;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.ReadThroughPersister;
import java.util.ArrayList;
import java.util.List;

/** A persister that records what reaches the store: each write (set, delete, batch) and every path set. */
final class RecordingPersister extends ReadThroughPersister {
    /** The paths set, one by one or within batches, in order. */
    final List<String> written = new ArrayList<>();
    private int writes;

    RecordingPersister(Persister delegate) {
        super(delegate);
    }

    /** @return the writes that reached the store: a batch counts once */
    int writes() {
        return writes;
    }

    @Override
    public void set(String path, byte[] value) {
        writes++;
        written.add(path);
        underlying().set(path, value);
    }

    @Override
    public void delete(String path) {
        writes++;
        underlying().delete(path);
    }

    @Override
    public void apply(Batch batch) {
        writes++;
        batch.operations().stream().filter(Batch.SetValue.class::isInstance).map(Batch.Operation::path).forEach(written::add);
        underlying().apply(batch);
    }
}
