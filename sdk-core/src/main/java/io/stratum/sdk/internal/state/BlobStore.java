package io.stratum.sdk.internal.state;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.CRC32;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps values larger than one ZooKeeper node in chunks under {@code /blobs}. A blob is immutable:
 * a changed value is a new blob, so a transaction only ever swaps small pointers and stays atomic
 * and within ZooKeeper's request size.
 *
 * <p>Blobs whose pointer never committed (a failed transaction) or whose pointer went away while the
 * process died before deleting them are orphans: harmless but never read, and swept at start
 * ({@link #sweepOrphans}).
 */
final class BlobStore {
    static final String ROOT = "/blobs";
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);

    private final CuratorFramework curator;
    private final int chunkSize;

    BlobStore(CuratorFramework curator, int chunkSize) {
        this.curator = curator;
        this.chunkSize = chunkSize;
    }

    /** Writes {@code value} as a new blob, noting {@code owner} for whoever inspects the tree. */
    BlobRef write(byte[] value, String owner) {
        String id = UUID.randomUUID().toString();
        int chunks = Math.max(1, (value.length + chunkSize - 1) / chunkSize);
        CRC32 crc = new CRC32();
        crc.update(value);
        String blobPath = ROOT + "/" + id;
        KeeperFailures.run(blobPath, () -> curator.create().withMode(CreateMode.PERSISTENT)
                .forPath(blobPath, owner.getBytes(UTF_8)));
        for (int i = 0; i < chunks; i++) {
            int from = i * chunkSize;
            int to = Math.min(value.length, from + chunkSize);
            byte[] chunk = new byte[to - from];
            System.arraycopy(value, from, chunk, 0, chunk.length);
            String chunkPath = blobPath + "/" + i;
            KeeperFailures.run(chunkPath, () -> curator.create().withMode(CreateMode.PERSISTENT).forPath(chunkPath, chunk));
        }
        return new BlobRef(id, value.length, chunks, crc.getValue());
    }

    /**
     * @return the value of {@code blob}
     * @throws KeeperException.NoNodeException if a chunk is gone (the blob was replaced meanwhile)
     * @throws PersisterException for other failures, or {@link PersisterException.Reason#CORRUPT}
     */
    byte[] read(BlobRef blob, String owner) throws KeeperException.NoNodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, blob.length()));
        for (int i = 0; i < blob.chunks(); i++) {
            String chunkPath = ROOT + "/" + blob.id() + "/" + i;
            try {
                out.writeBytes(curator.getData().forPath(chunkPath));
            } catch (KeeperException.NoNodeException e) {
                throw e;
            } catch (Exception e) {
                throw KeeperFailures.translate(e, chunkPath);
            }
        }
        byte[] value = out.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(value);
        if (value.length != blob.length() || crc.getValue() != blob.crc32()) {
            throw new PersisterException(PersisterException.Reason.CORRUPT, owner, "the chunks of " + owner
                    + " (blob " + blob.id() + ") do not add up: " + value.length + " bytes, expected "
                    + blob.length() + ", or a CRC mismatch", null);
        }
        return value;
    }

    /**
     * Deletes the orphans older than {@code minAge}, by the server's clock: blobs whose owner node
     * does not point at them. Younger ones are left alone, as they may belong to a transaction
     * under way. Failures are logged; the orphans stay for the next sweep.
     *
     * @return how many were deleted
     */
    int sweepOrphans(Duration minAge) {
        try {
            long serverNow = curator.setData().forPath(ROOT, new byte[0]).getMtime();
            int deleted = 0;
            for (String id : curator.getChildren().forPath(ROOT)) {
                Stat stat = new Stat();
                byte[] owner;
                try {
                    owner = curator.getData().storingStatIn(stat).forPath(ROOT + "/" + id);
                } catch (KeeperException.NoNodeException e) {
                    continue;
                }
                if (serverNow - stat.getCtime() >= minAge.toMillis() && !pointsAt(new String(owner, UTF_8), id)) {
                    deleteQuietly(new BlobRef(id, 0, 1, 0));
                    deleted++;
                }
            }
            return deleted;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("could not sweep orphaned blobs under {}: {}", ROOT, e.toString());
            return 0;
        }
    }

    private boolean pointsAt(String owner, String id) throws Exception {
        try {
            BlobRef ref = StoredValue.blobOf(curator.getData().forPath(CuratorPersister.zkPath(owner)));
            return ref != null && ref.id().equals(id);
        } catch (KeeperException.NoNodeException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Deletes {@code blob} if it is there; failures are logged, leaving an orphan. */
    void deleteQuietly(BlobRef blob) {
        String blobPath = ROOT + "/" + blob.id();
        try {
            curator.delete().deletingChildrenIfNeeded().forPath(blobPath);
        } catch (KeeperException.NoNodeException e) {
            // already gone
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("could not delete unused blob {}; it stays as an orphan: {}", blobPath, e.toString());
        }
    }
}
