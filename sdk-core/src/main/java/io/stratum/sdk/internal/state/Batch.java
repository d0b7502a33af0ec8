package io.stratum.sdk.internal.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes that a {@link Persister} applies all together or not at all, in order.
 *
 * <pre>{@code
 * persister.apply(Batch.builder()
 *         .set("/tasks/hello-0-server", record)
 *         .delete("/tasks/hello-0-old")
 *         .build());
 * }</pre>
 *
 * <p>Operations see the effects of the ones before them: a delete of a node set earlier in the same
 * batch succeeds. Immutable.
 *
 * @param operations the writes, in the order they apply (may be empty: applying it does nothing)
 */
public record Batch(List<Operation> operations) {

    public Batch {
        operations = List.copyOf(operations);
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the batch has no operations */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** One write of a batch. */
    public sealed interface Operation permits SetValue, Delete {
        /** @return the path written, never the root */
        String path();
    }

    /**
     * Sets the value of {@code path}, creating it and any missing parents (parents created this way
     * have no value).
     *
     * @param path  a valid non-root path
     * @param value the new value, copied; may be empty, or larger than one ZooKeeper node holds
     */
    public record SetValue(String path, byte[] value) implements Operation {
        public SetValue {
            PersisterPaths.checkNotRoot(path);
            value = Objects.requireNonNull(value, "value").clone();
        }

        /** @return a copy of the value */
        @Override
        public byte[] value() {
            return value.clone();
        }

        /** @return the value itself, for implementations that promise not to modify it */
        byte[] valueUnsafe() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SetValue s && s.path.equals(path) && Arrays.equals(s.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "SetValue[" + path + ", " + value.length + " bytes]";
        }
    }

    /**
     * Deletes {@code path} and everything below it. Fails the whole batch with
     * {@link PersisterException.Reason#NOT_FOUND} if the path does not exist at that point.
     *
     * @param path a valid non-root path
     */
    public record Delete(String path) implements Operation {
        public Delete {
            PersisterPaths.checkNotRoot(path);
        }
    }

    /** Collects operations in order. Not thread-safe. */
    public static final class Builder {
        private final List<Operation> operations = new ArrayList<>();

        private Builder() {}

        /** Adds a {@link SetValue}. */
        public Builder set(String path, byte[] value) {
            operations.add(new SetValue(path, value));
            return this;
        }

        /** Adds a {@link Delete}. */
        public Builder delete(String path) {
            operations.add(new Delete(path));
            return this;
        }

        /** Adds operations. */
        public Builder add(List<? extends Operation> more) {
            operations.addAll(more);
            return this;
        }

        /** @return the batch so far */
        public Batch build() {
            return new Batch(operations);
        }
    }
}
