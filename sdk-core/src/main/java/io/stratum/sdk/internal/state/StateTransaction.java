package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Objects;

/**
 * Writes of several stores applied as one atomic {@link Batch}: for example a task record together
 * with the plan progress that launched it, so that a scheduler killed in between never finds one
 * without the other.
 *
 * <pre>{@code
 * StateTransaction tx = StateTransaction.on(persister);
 * StateStore.of(tx.persister()).storeTasks(launched);
 * PlanStore.of(tx.persister()).storeJson("deploy", progress);
 * tx.commit();
 * }</pre>
 *
 * <p>{@link #persister()} reads from the underlying persister and does <em>not</em> see the writes
 * collected so far; its writes are only recorded. Its {@code delete} fails at once, with
 * {@link PersisterException.Reason#NOT_FOUND}, if the path does not exist in the underlying store,
 * as a direct delete would. {@link #commit()} applies everything or nothing. Not thread-safe; use
 * one per unit of work.
 */
public final class StateTransaction {
    private final Persister underlying;
    private final Batch.Builder batch = Batch.builder();
    private final Persister collecting;
    private boolean committed;

    private StateTransaction(Persister underlying) {
        this.underlying = underlying;
        this.collecting = new Collecting();
    }

    /**
     * @param persister the store to commit to
     * @return an empty transaction
     */
    public static StateTransaction on(Persister persister) {
        return new StateTransaction(Objects.requireNonNull(persister, "persister"));
    }

    /** @return a persister to build stores on; it reads through and collects writes */
    public Persister persister() {
        return collecting;
    }

    /** @return the writes collected so far */
    public Batch pending() {
        return batch.build();
    }

    /**
     * Applies the collected writes atomically.
     *
     * @throws IllegalStateException if already committed
     * @throws PersisterException    as {@link Persister#apply}; nothing was written then
     */
    public void commit() {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        committed = true;
        underlying.apply(batch.build());
    }

    private void collect(Batch.Operation op) {
        if (committed) {
            throw new IllegalStateException("the transaction is committed; start a new one");
        }
        batch.add(List.of(op));
    }

    /** Reads through, collects writes. */
    private final class Collecting extends ReadThroughPersister {
        Collecting() {
            super(underlying);
        }

        @Override
        public void set(String path, byte[] value) {
            collect(new Batch.SetValue(path, value));
        }

        @Override
        public void delete(String path) {
            Batch.Delete delete = new Batch.Delete(path);
            if (!underlying.exists(path)) {
                throw PersisterException.notFound(path);
            }
            collect(delete);
        }

        @Override
        public void apply(Batch more) {
            more.operations().forEach(StateTransaction.this::collect);
        }
    }
}
