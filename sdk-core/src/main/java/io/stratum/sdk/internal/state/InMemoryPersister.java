package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link Persister#inMemory()}: a {@link NodeTree} of byte arrays behind one lock. */
final class InMemoryPersister implements Persister {
    private final NodeTree<byte[]> tree = new NodeTree<>();

    @Override
    public synchronized Optional<byte[]> get(String path) {
        NodeTree.Node<byte[]> node = tree.node(PersisterPaths.check(path));
        return node == null || node.value() == null ? Optional.empty() : Optional.of(node.value().clone());
    }

    @Override
    public synchronized List<String> children(String path) {
        return tree.children(PersisterPaths.check(path));
    }

    @Override
    public synchronized SortedMap<String, byte[]> childValues(String path) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String name : tree.children(PersisterPaths.check(path))) {
            byte[] value = tree.node(PersisterPaths.child(path, name)).value();
            if (value != null) {
                out.put(name, value.clone());
            }
        }
        return out;
    }

    @Override
    public synchronized boolean exists(String path) {
        return tree.exists(PersisterPaths.check(path));
    }

    @Override
    public synchronized void set(String path, byte[] value) {
        tree.set(PersisterPaths.checkNotRoot(path), Objects.requireNonNull(value, "value").clone());
    }

    @Override
    public synchronized void delete(String path) {
        tree.delete(PersisterPaths.checkNotRoot(path));
    }

    @Override
    public synchronized void apply(Batch batch) {
        // Batch operations hold private copies already; the tree only ever hands out clones.
        tree.apply(batch, value -> value);
    }

    @Override
    public String toString() {
        return "InMemoryPersister";
    }
}
