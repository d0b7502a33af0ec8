package io.stratum.sdk.internal.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tree semantics of {@link Persister}, once: an ordered map from path to node, where every
 * ancestor of a node is present too and the root is implicit. The in-memory persister is one of
 * these; the ZooKeeper persister replays a batch on one (loaded with just the nodes the batch
 * touches) to work out the transaction to send.
 *
 * <p>Paths sort so that a node's subtree is the contiguous key range {@code [p + "/", p + "0")}, as
 * {@code '0'} follows {@code '/'}. Not thread-safe.
 *
 * @param <V> what a node holds; a node's value is null when it has none
 */
final class NodeTree<V> {

    /** One node; a new instance for every write, so a changed node is a different object. */
    record Node<V>(V value) {}

    private final NavigableMap<String, Node<V>> nodes;

    NodeTree() {
        this.nodes = new TreeMap<>();
    }

    NodeTree(Map<String, Node<V>> initial) {
        this.nodes = new TreeMap<>(initial);
    }

    /** @return the node at {@code path}, or null (also for the root) */
    Node<V> node(String path) {
        return nodes.get(path);
    }

    boolean exists(String path) {
        return PersisterPaths.ROOT.equals(path) || nodes.containsKey(path);
    }

    List<String> children(String path) {
        String prefix = PersisterPaths.ROOT.equals(path) ? "/" : path + "/";
        List<String> names = new ArrayList<>();
        String key = nodes.ceilingKey(prefix);
        while (key != null && key.startsWith(prefix)) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                names.add(rest);
                key = nodes.higherKey(key);
            } else {
                // a descendant whose child was listed already: skip the rest of that child's subtree
                key = nodes.ceilingKey(prefix + rest.substring(0, slash) + "0");
            }
        }
        return names;
    }

    /** @return {@code path} and its subtree, in key order */
    NavigableMap<String, Node<V>> subtree(String path) {
        if (PersisterPaths.ROOT.equals(path)) {
            return nodes;
        }
        NavigableMap<String, Node<V>> out = new TreeMap<>(nodes.subMap(path + "/", true, path + "0", false));
        Node<V> self = nodes.get(path);
        if (self != null) {
            out.put(path, self);
        }
        return out;
    }

    /** @return a copy of every node, in key order */
    NavigableMap<String, Node<V>> snapshot() {
        return new TreeMap<>(nodes);
    }

    void set(String path, V value) {
        set(path, value, new ArrayDeque<>());
    }

    void delete(String path) {
        delete(path, new ArrayDeque<>());
    }

    /** Applies {@code batch} atomically: on failure every change is rolled back and the failure rethrown. */
    void apply(Batch batch, Function<byte[], V> valueOf) {
        Deque<Undo<V>> undo = new ArrayDeque<>();
        try {
            for (Batch.Operation op : batch.operations()) {
                if (op instanceof Batch.SetValue s) {
                    set(s.path(), valueOf.apply(s.valueUnsafe()), undo);
                } else if (op instanceof Batch.Delete d) {
                    delete(d.path(), undo);
                }
            }
        } catch (RuntimeException e) {
            undo.forEach(u -> u.restore(nodes));
            throw e;
        }
    }

    private void set(String path, V value, Deque<Undo<V>> undo) {
        for (String ancestor : PersisterPaths.ancestors(path)) {
            if (!nodes.containsKey(ancestor)) {
                put(ancestor, new Node<>(null), undo);
            }
        }
        put(path, new Node<>(value), undo);
    }

    private void delete(String path, Deque<Undo<V>> undo) {
        if (!nodes.containsKey(path)) {
            throw PersisterException.notFound(path);
        }
        for (String key : new ArrayList<>(subtree(path).keySet())) {
            undo.push(new Undo<>(key, nodes.remove(key)));
        }
    }

    private void put(String path, Node<V> node, Deque<Undo<V>> undo) {
        undo.push(new Undo<>(path, nodes.put(path, node)));
    }

    /** What was at {@code path} before a change: null if nothing. */
    private record Undo<V>(String path, Node<V> previous) {
        void restore(NavigableMap<String, Node<V>> nodes) {
            if (previous == null) {
                nodes.remove(path);
            } else {
                nodes.put(path, previous);
            }
        }
    }
}
