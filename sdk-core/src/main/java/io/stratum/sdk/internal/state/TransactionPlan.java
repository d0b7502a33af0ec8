package io.stratum.sdk.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One attempt at applying a {@link Batch} to ZooKeeper. The nodes the batch touches are loaded (the
 * written paths with their ancestors, the deleted subtrees), the batch is replayed on a
 * {@link NodeTree} of them (so its semantics are exactly the in-memory persister's, failures
 * included), and the difference between before and after becomes the transaction: deletes deepest
 * first, then creates shallowest first, then updates. Every delete and update carries the version
 * loaded, so a concurrent change makes the transaction fail as a whole, and the caller plans again.
 *
 * <p>Paths here are persister paths; the caller maps them into ZooKeeper.
 */
final class TransactionPlan {

    /** What a node of the replayed tree holds. */
    sealed interface Slot {}

    /** A node as loaded from ZooKeeper. */
    record Loaded(byte[] data, int version) implements Slot {}

    /** A value the batch sets. */
    record Written(byte[] value) implements Slot {}

    /** One operation of the transaction; a null value means "no value". */
    sealed interface Change {
        String path();
    }

    record Create(String path, byte[] value) implements Change {}

    record Update(String path, int version, byte[] value) implements Change {}

    record Remove(String path, int version) implements Change {}

    private final List<Change> changes;
    private final List<BlobRef> releasedBlobs;

    private TransactionPlan(List<Change> changes, List<BlobRef> releasedBlobs) {
        this.changes = List.copyOf(changes);
        this.releasedBlobs = List.copyOf(releasedBlobs);
    }

    /**
     * Loads what {@code batch} touches through {@code reader} and plans its transaction.
     *
     * @param toZk maps a persister path to its ZooKeeper path
     * @throws PersisterException NOT_FOUND if the batch deletes a missing node
     */
    static TransactionPlan of(Batch batch, ParallelReader reader, UnaryOperator<String> toZk) {
        Map<String, NodeTree.Node<Slot>> loaded = load(batch, reader, toZk);
        NodeTree<Slot> tree = new NodeTree<>(loaded);
        tree.apply(batch, Written::new);
        return diff(new TreeMap<>(loaded), tree.snapshot());
    }

    /** @return the operations, in the order the transaction must run them */
    List<Change> changes() {
        return changes;
    }

    /** @return the blobs that nodes pointed at before and no longer do once the plan committed */
    List<BlobRef> releasedBlobs() {
        return releasedBlobs;
    }

    private static Map<String, NodeTree.Node<Slot>> load(Batch batch, ParallelReader reader, UnaryOperator<String> toZk) {
        Set<String> paths = new LinkedHashSet<>();
        List<String> deleted = new ArrayList<>();
        for (Batch.Operation op : batch.operations()) {
            paths.addAll(PersisterPaths.ancestors(op.path()));
            paths.add(op.path());
            if (op instanceof Batch.Delete) {
                deleted.add(op.path());
            }
        }
        Map<String, NodeTree.Node<Slot>> nodes = new TreeMap<>();
        readInto(paths, reader, toZk, nodes);
        List<String> level = deleted.stream().filter(nodes::containsKey).distinct().toList();
        while (!level.isEmpty()) {
            Map<String, String> byZkPath = byZkPath(level, toZk);
            List<String> next = new ArrayList<>();
            reader.children(byZkPath.keySet()).forEach((zkPath, names) -> {
                String parent = byZkPath.get(zkPath);
                names.forEach(name -> next.add(PersisterPaths.child(parent, name)));
            });
            readInto(next, reader, toZk, nodes);
            level = next.stream().filter(nodes::containsKey).toList();
        }
        return nodes;
    }

    private static void readInto(Collection<String> paths, ParallelReader reader, UnaryOperator<String> toZk,
                                 Map<String, NodeTree.Node<Slot>> nodes) {
        Map<String, String> byZkPath = byZkPath(paths, toZk);
        reader.read(byZkPath.keySet()).forEach((zkPath, node) ->
                nodes.put(byZkPath.get(zkPath), new NodeTree.Node<>(new Loaded(node.data(), node.version()))));
    }

    private static Map<String, String> byZkPath(Collection<String> paths, UnaryOperator<String> toZk) {
        Map<String, String> out = new TreeMap<>();
        paths.forEach(p -> out.put(toZk.apply(p), p));
        return out;
    }

    private static TransactionPlan diff(NavigableMap<String, NodeTree.Node<Slot>> before,
                                        NavigableMap<String, NodeTree.Node<Slot>> after) {
        List<Change> removes = new ArrayList<>();
        List<Change> creates = new ArrayList<>();
        List<Change> updates = new ArrayList<>();
        List<BlobRef> released = new ArrayList<>();
        // Descending key order visits every node's descendants before the node itself.
        for (var entry : before.descendingMap().entrySet()) {
            NodeTree.Node<Slot> now = after.get(entry.getKey());
            Loaded was = (Loaded) entry.getValue().value();
            if (now == entry.getValue()) {
                continue;
            }
            BlobRef blob = StoredValue.blobOf(was.data());
            if (blob != null) {
                released.add(blob);
            }
            if (now == null) {
                removes.add(new Remove(entry.getKey(), was.version()));
            } else {
                updates.add(new Update(entry.getKey(), was.version(), valueOf(now)));
            }
        }
        for (var entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                creates.add(new Create(entry.getKey(), valueOf(entry.getValue())));
            }
        }
        List<Change> changes = new ArrayList<>(removes);
        changes.addAll(creates);
        changes.addAll(updates);
        return new TransactionPlan(changes, released);
    }

    private static byte[] valueOf(NodeTree.Node<Slot> node) {
        if (node.value() instanceof Written w) {
            return w.value();
        }
        // A parent the batch created (no value), never a Loaded one: unchanged nodes are skipped.
        return null;
    }
}
