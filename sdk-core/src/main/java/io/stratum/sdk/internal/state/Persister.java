package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The durable store under all of a service's state: a small tree of nodes, each with an optional
 * {@code byte[]} value, addressed by paths such as {@code /tasks/hello-0-server}.
 *
 * <p><b>Paths</b> start with {@code /}; their segments are non-empty printable ASCII without
 * spaces, and neither {@code .} nor {@code ..}. {@code /} is the root: it always exists and never
 * has a value. A node created only as the parent of another has no value until one is set.
 *
 * <p><b>Values</b> may be of any size: implementations that have a node-size limit (ZooKeeper's is
 * about 1 MB) split large values transparently. Arrays passed in and returned are never shared with
 * the store.
 *
 * <p><b>Atomicity</b>: {@link #set} and {@link #apply} are all-or-nothing; {@link #delete} is, for
 * subtrees small enough to delete in one transaction (thousands of nodes on ZooKeeper).
 *
 * <p><b>Failure</b>: every method may throw the unchecked {@link PersisterException}; a failed write
 * applied nothing (see there for the one exception). Invalid paths raise
 * {@link IllegalArgumentException}.
 *
 * <p>Implementations are thread-safe. Two are provided: {@link #inMemory()} for tests and
 * {@link ZooKeeperClient#persister()} for production.
 */
public interface Persister {

    /** @return a new, empty, thread-safe persister that keeps everything in memory */
    static Persister inMemory() {
        return new InMemoryPersister();
    }

    /** @return the value at {@code path}; empty if the node does not exist or has no value */
    Optional<byte[]> get(String path);

    /** @return the names (not paths) of the children of {@code path}, sorted; empty if none or missing */
    List<String> children(String path);

    /**
     * Reads the values of all children of {@code path} at once: how a scheduler loads thousands of
     * tasks quickly. Children without a value are left out.
     *
     * @return child name to value, sorted by name; empty if none or if {@code path} is missing
     */
    SortedMap<String, byte[]> childValues(String path);

    /** @return whether a node exists at {@code path} (with or without a value) */
    boolean exists(String path);

    /** Sets the value at {@code path}, creating it and any missing parents. */
    void set(String path, byte[] value);

    /**
     * Deletes {@code path} and everything below it.
     *
     * @throws PersisterException with {@link PersisterException.Reason#NOT_FOUND} if it does not exist
     */
    void delete(String path);

    /**
     * Applies all operations of {@code batch} in order, atomically: afterwards either all of them
     * took effect, or (if this throws) none did.
     *
     * @throws PersisterException {@link PersisterException.Reason#NOT_FOUND} if a delete finds nothing;
     *                            {@link PersisterException.Reason#TOO_LARGE} if the store cannot apply
     *                            that many changes at once
     */
    void apply(Batch batch);
}
