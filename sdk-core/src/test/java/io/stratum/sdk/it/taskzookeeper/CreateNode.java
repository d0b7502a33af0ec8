package io.stratum.sdk.it.taskzookeeper;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * A task's program: connects to {@code $STRATUM_ZOOKEEPER} with the plain ZooKeeper client, as an
 * HA daemon would, and creates {@code $STRATUM_ZOOKEEPER_PATH/$TASK_NAME} holding the connect
 * string it was given. Exits 0 once the node exists, 1 otherwise.
 */
public final class CreateNode {
    private CreateNode() {}

    public static void main(String[] args) throws Exception {
        String connect = System.getenv("STRATUM_ZOOKEEPER");
        String node = System.getenv("STRATUM_ZOOKEEPER_PATH") + "/" + System.getenv("TASK_NAME");
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connect, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(30, TimeUnit.SECONDS)) {
                System.err.println("no connection to " + connect);
                System.exit(1);
            }
            try {
                zk.create(node, connect.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // a relaunch: created before
            }
            System.out.println("created " + node + " on " + connect);
        } finally {
            zk.close();
        }
    }
}
