package io.stratum.sdk.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * {@link Persister} on ZooKeeper, through Curator. The persister tree lives under {@code /data} of
 * the service's namespace, large values under {@code /blobs} ({@link BlobStore}).
 *
 * <p>Reads of one node are one round trip (plus the chunks of a large value); {@link #childValues}
 * reads all children in parallel. Writes are planned by {@link TransactionPlan} and committed by
 * {@link TransactionWriter} as one ZooKeeper transaction; a transaction that loses a race with
 * another writer is planned again, a bounded number of times.
 */
final class CuratorPersister implements Persister {
    static final String DATA = "/data";
    private static final int READ_ATTEMPTS = 5;

    private final CuratorFramework curator;
    private final ParallelReader reader;
    private final BlobStore blobs;
    private final TransactionWriter writer;

    CuratorPersister(CuratorFramework curator, ParallelReader reader, BlobStore blobs, TransactionWriter writer) {
        this.curator = curator;
        this.reader = reader;
        this.blobs = blobs;
        this.writer = writer;
    }

    /**
     * @return this persister with every write conditional on {@code node} (a path within the
     *         namespace) existing; reads unchanged
     */
    CuratorPersister fencedBy(String node) {
        return new CuratorPersister(curator, reader, blobs, writer.fencedBy(node));
    }

    /** @return the ZooKeeper path (within the namespace) of persister path {@code path} */
    static String zkPath(String path) {
        return PersisterPaths.ROOT.equals(path) ? DATA : DATA + path;
    }

    @Override
    public Optional<byte[]> get(String path) {
        String zkPath = zkPath(PersisterPaths.check(path));
        for (int attempt = 1; ; attempt++) {
            byte[] data;
            try {
                data = curator.getData().forPath(zkPath);
            } catch (KeeperException.NoNodeException e) {
                return Optional.empty();
            } catch (Exception e) {
                throw KeeperFailures.translate(e, path);
            }
            Optional<byte[]> value = resolve(data, path, attempt);
            if (value != null) {
                return value;
            }
        }
    }

    /**
     * @return the value {@code data} stands for; null if its chunks were replaced while being read
     *         (the caller reads the node again)
     */
    private Optional<byte[]> resolve(byte[] data, String path, int attempt) {
        StoredValue stored = StoredValue.decode(data, path);
        if (stored instanceof StoredValue.Inline inline) {
            return Optional.of(inline.value());
        }
        if (stored instanceof StoredValue.Chunked chunked) {
            try {
                return Optional.of(blobs.read(chunked.blob(), path));
            } catch (KeeperException.NoNodeException e) {
                if (attempt >= READ_ATTEMPTS) {
                    throw new PersisterException(PersisterException.Reason.CONFLICT, path,
                            "the value of " + path + " kept changing while it was read", e);
                }
                return null;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> children(String path) {
        String zkPath = zkPath(PersisterPaths.check(path));
        try {
            List<String> names = new ArrayList<>(curator.getChildren().forPath(zkPath));
            names.sort(null);
            return names;
        } catch (KeeperException.NoNodeException e) {
            return List.of();
        } catch (Exception e) {
            throw KeeperFailures.translate(e, path);
        }
    }

    @Override
    public SortedMap<String, byte[]> childValues(String path) {
        List<String> names = children(path);
        Map<String, String> byZkPath = new TreeMap<>();
        names.forEach(name -> byZkPath.put(zkPath(PersisterPaths.child(path, name)), name));
        SortedMap<String, byte[]> out = new TreeMap<>();
        reader.read(byZkPath.keySet()).forEach((zkPath, node) -> {
            String name = byZkPath.get(zkPath);
            String childPath = PersisterPaths.child(path, name);
            Optional<byte[]> value = resolve(node.data(), childPath, 1);
            if (value == null) {
                value = get(childPath);
            }
            value.ifPresent(v -> out.put(name, v));
        });
        return out;
    }

    @Override
    public boolean exists(String path) {
        String zkPath = zkPath(PersisterPaths.check(path));
        return KeeperFailures.run(path, () -> curator.checkExists().forPath(zkPath) != null);
    }

    @Override
    public void set(String path, byte[] value) {
        apply(Batch.builder().set(path, value).build());
    }

    @Override
    public void delete(String path) {
        Batch batch = Batch.builder().delete(path).build();
        try {
            apply(batch);
        } catch (PersisterException e) {
            if (e.reason() != PersisterException.Reason.TOO_LARGE) {
                throw e;
            }
            // A subtree too large for one transaction goes in several, deepest nodes first: a
            // failure midway leaves a smaller subtree, and deleting it again finishes the job.
            writer.commitInSteps(() -> TransactionPlan.of(batch, reader, CuratorPersister::zkPath));
        }
    }

    @Override
    public void apply(Batch batch) {
        if (!batch.isEmpty()) {
            writer.commit(() -> TransactionPlan.of(batch, reader, CuratorPersister::zkPath));
        }
    }

    @Override
    public String toString() {
        return "CuratorPersister[" + curator.getNamespace() + DATA + "]";
    }
}
