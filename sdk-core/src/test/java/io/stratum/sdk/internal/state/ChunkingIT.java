package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values beyond ZooKeeper's node size, alone and in atomic batches, on a real server. */
class ChunkingIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();

    private final ZooKeeperClient client = ZK.client(ZooKeeperExtension.uniqueService());
    private final Persister persister = client.persister();
    private final CuratorFramework curator = ((CuratorClient) client).curator();

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private List<String> blobs() throws Exception {
        return curator.getChildren().forPath(BlobStore.ROOT);
    }

    @Test
    void aThreeMegabyteValueIsStoredInChunksAndReadBack() throws Exception {
        byte[] big = random(3 * 1024 * 1024, 1);
        persister.set("/big", big);

        assertThat(curator.getData().forPath("/data/big")).hasSizeLessThan(100);
        assertThat(blobs()).hasSize(1);
        assertThat(curator.getChildren().forPath(BlobStore.ROOT + "/" + blobs().get(0))).hasSize(6);
        assertThat(persister.get("/big")).hasValueSatisfying(v -> assertThat(v).isEqualTo(big));

        ZooKeeperClient restarted = ZK.client(client.namespace().substring("/stratum/".length()));
        assertThat(restarted.persister().get("/big")).hasValueSatisfying(v -> assertThat(v).isEqualTo(big));
    }

    @Test
    void replacingOrDeletingALargeValueReleasesItsChunks() throws Exception {
        persister.set("/big", random(2 * 1024 * 1024, 2));
        persister.set("/big", random(1024 * 1024, 3));
        assertThat(blobs()).hasSize(1);
        persister.set("/big", "small".getBytes());
        assertThat(blobs()).isEmpty();
        persister.set("/dir/big", random(1024 * 1024, 4));
        persister.delete("/dir");
        assertThat(blobs()).isEmpty();
    }

    @Test
    void aBatchOfLargeValuesCommitsAsOne() throws Exception {
        byte[] a = random(400 * 1024, 5);
        byte[] b = random(400 * 1024, 6);
        byte[] c = random(3 * 1024 * 1024, 7);
        persister.apply(Batch.builder()
                .set("/a", a).set("/b", b).set("/c", c).set("/small", new byte[] {1}).build());
        assertThat(persister.get("/a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(a));
        assertThat(persister.get("/b")).hasValueSatisfying(v -> assertThat(v).isEqualTo(b));
        assertThat(persister.get("/c")).hasValueSatisfying(v -> assertThat(v).isEqualTo(c));
        assertThat(persister.childValues("/")).containsOnlyKeys("a", "b", "c", "small");
        // 400 KiB values fit one node, but not two in one transaction: one of them went to a blob
        assertThat(blobs()).hasSize(2);
    }

    @Test
    void aFailedBatchWithLargeValuesLeavesNothingBehind() throws Exception {
        Batch batch = Batch.builder()
                .set("/big", random(3 * 1024 * 1024, 8))
                .set("/other", new byte[] {1})
                .delete("/missing")
                .build();
        assertThatThrownBy(() -> persister.apply(batch)).isInstanceOf(PersisterException.class);
        assertThat(persister.children("/")).isEmpty();
        assertThat(blobs()).isEmpty();
    }

    @Test
    void orphanedChunksAreSweptOnceOldEnough() throws Exception {
        persister.set("/kept", random(1024 * 1024, 9));
        BlobStore blobs = new BlobStore(curator, TransactionWriter.INLINE_LIMIT);
        blobs.write(random(1024 * 1024, 10), "/never-committed");
        assertThat(blobs()).hasSize(2);
        assertThat(blobs.sweepOrphans(Duration.ofMinutes(10))).isZero();
        assertThat(blobs.sweepOrphans(Duration.ZERO)).isEqualTo(1);
        assertThat(blobs()).hasSize(1);
        assertThat(persister.get("/kept")).isPresent();
    }

    @Test
    void aSubtreeTooLargeForOneTransactionIsDeletedInSteps() {
        for (int group = 0; group < 8; group++) {
            Batch.Builder batch = Batch.builder();
            for (int i = 0; i < 1000; i++) {
                batch.set("/many/node-" + group + "-" + i, new byte[] {1});
            }
            persister.apply(batch.build());
        }
        assertThat(persister.children("/many")).hasSize(8000);
        assertThatThrownBy(() -> persister.apply(Batch.builder().delete("/many").build()))
                .isInstanceOf(PersisterException.class)
                .satisfies(e -> assertThat(((PersisterException) e).reason())
                        .isEqualTo(PersisterException.Reason.TOO_LARGE));
        persister.delete("/many");
        assertThat(persister.exists("/many")).isFalse();
    }
}
