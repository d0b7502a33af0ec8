package io.stratum.sdk.internal.state;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * The schema version node of a namespace: written by the first start, checked by every later one,
 * before anything else is touched.
 */
final class SchemaVersion {
    static final String PATH = "/schema-version";

    private SchemaVersion() {}

    /** Creates the namespace layout if new; fails if it was written by a newer schema. */
    static void check(CuratorFramework curator, String namespace, int supported) {
        String found = KeeperFailures.run(PATH, () -> {
            try {
                curator.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT)
                        .forPath(PATH, Integer.toString(supported).getBytes(StandardCharsets.UTF_8));
                return Integer.toString(supported);
            } catch (KeeperException.NodeExistsException e) {
                return new String(curator.getData().forPath(PATH), StandardCharsets.UTF_8).strip();
            }
        });
        int version;
        try {
            version = Integer.parseInt(found);
        } catch (NumberFormatException e) {
            throw new PersisterException(PersisterException.Reason.CORRUPT, namespace + PATH, "the schema version at "
                    + namespace + PATH + " is not a number: '" + found + "'", e);
        }
        if (version > supported) {
            throw new PersisterException(PersisterException.Reason.SCHEMA_MISMATCH, namespace + PATH,
                    "the state at " + namespace + " has schema version " + version + ", but this Stratum understands "
                            + "versions up to " + supported + ": it was written by a newer Stratum. Run that version "
                            + "(or newer); this one will not touch state it cannot read.", null);
        }
        if (version < 1) {
            throw new PersisterException(PersisterException.Reason.SCHEMA_MISMATCH, namespace + PATH,
                    "the state at " + namespace + " has an invalid schema version " + version, null);
        }
        for (String path : new String[] {CuratorPersister.DATA, BlobStore.ROOT, CuratorClient.TASKS}) {
            KeeperFailures.run(path, () -> {
                try {
                    return curator.create().withMode(CreateMode.PERSISTENT).forPath(path, new byte[0]);
                } catch (KeeperException.NodeExistsException e) {
                    return path;
                }
            });
        }
    }
}
