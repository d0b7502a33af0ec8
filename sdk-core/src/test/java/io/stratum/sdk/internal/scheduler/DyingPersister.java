package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.state.Batch;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.ReadThroughPersister;
import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;

/**
 * The store as a scheduler process that dies right after a given write sees it: that write reaches
 * the store, no later one does (a batch is one write), until {@link #restarted()} says a new
 * scheduler process writes. What the dead scheduler still sends to the cluster meanwhile is the
 * test's business: restart it before it handles anything else.
 */
final class DyingPersister extends ReadThroughPersister {
    private BiPredicate<String, String> lastWrite = (path, value) -> false;
    private boolean dead;

    DyingPersister(Persister delegate) {
        super(delegate);
    }

    /** The scheduler dies right after storing the record of task {@code taskName} with a status of {@code state}. */
    void dieAfterStoring(String taskName, String state) {
        lastWrite = (path, value) -> path.endsWith("/tasks/" + taskName) && value.contains("\"" + state + "\"");
    }

    /** A new scheduler process: writes reach the store again. */
    void restarted() {
        lastWrite = (path, value) -> false;
        dead = false;
    }

    @Override
    public void set(String path, byte[] value) {
        if (!dead) {
            underlying().set(path, value);
            dead = lastWrite.test(path, new String(value, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void delete(String path) {
        if (!dead) {
            underlying().delete(path);
        }
    }

    @Override
    public void apply(Batch batch) {
        if (!dead) {
            underlying().apply(batch);
            dead = batch.operations().stream().anyMatch(op -> op instanceof Batch.SetValue set
                    && lastWrite.test(set.path(), new String(set.value(), StandardCharsets.UTF_8)));
        }
    }
}
