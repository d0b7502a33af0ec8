package io.stratum.sdk.internal.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.curator.RetryLoop;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooKeeper;

/**
 * Reads many nodes at once. Node data goes in ZooKeeper multi-reads (3.6 and later) of
 * {@value #GROUP} nodes each, all sent before any answer is awaited: 10,000 nodes cost about 50
 * requests instead of 10,000, which is what makes a scheduler restart over 10,000 tasks fast
 * (tens of milliseconds on loopback, against half a second node by node). Older servers get one
 * background read per node. Child lists go one background request per parent.
 *
 * <p>Paths are ZooKeeper paths within the client's namespace. Missing nodes are absent from the
 * result; any other failure fails the whole read, as does no answer within the timeout. A lost
 * connection makes the whole read start again, within the client's retry policy.
 */
final class ParallelReader {
    /** Nodes per multi-read; with inline values of at most 512 KiB an answer stays under 100 MiB. */
    static final int GROUP = 200;

    /** A node's raw data (never null) and data version. */
    record ZNode(byte[] data, int version) {}

    @FunctionalInterface
    private interface Request {
        void send(String path, BackgroundCallback callback) throws Exception;
    }

    private final CuratorFramework curator;
    private final Duration timeout;
    private volatile boolean multiReadUnsupported;

    ParallelReader(CuratorFramework curator, Duration timeout) {
        this.curator = curator;
        this.timeout = timeout;
    }

    /** @return data and version of each of {@code paths} that exists */
    Map<String, ZNode> read(Collection<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        if (!multiReadUnsupported) {
            try {
                List<String> list = List.copyOf(paths);
                return RetryLoop.callWithRetry(curator.getZookeeperClient(), () -> readInGroups(list));
            } catch (KeeperException.UnimplementedException e) {
                multiReadUnsupported = true;
            } catch (Exception e) {
                throw KeeperFailures.translate(e, null);
            }
        }
        return inParallel(paths, (path, callback) -> curator.getData().inBackground(callback).forPath(path),
                event -> new ZNode(event.getData() == null ? new byte[0] : event.getData(), event.getStat().getVersion()));
    }

    private Map<String, ZNode> readInGroups(List<String> paths) throws Exception {
        ZooKeeper zk = curator.getZookeeperClient().getZooKeeper();
        Map<String, ZNode> out = new ConcurrentHashMap<>(paths.size() * 2);
        int groups = (paths.size() + GROUP - 1) / GROUP;
        CountDownLatch answered = new CountDownLatch(groups);
        AtomicReference<KeeperException.Code> failure = new AtomicReference<>();
        for (int g = 0; g < groups; g++) {
            List<String> group = paths.subList(g * GROUP, Math.min(paths.size(), (g + 1) * GROUP));
            List<Op> ops = new ArrayList<>(group.size());
            group.forEach(path -> ops.add(Op.getData(ZKPaths.fixForNamespace(curator.getNamespace(), path))));
            zk.multi(ops, (rc, path, ctx, results) -> {
                try {
                    if (results == null) {
                        failure.compareAndSet(null, KeeperException.Code.get(rc));
                        return;
                    }
                    for (int i = 0; i < results.size(); i++) {
                        OpResult result = results.get(i);
                        if (result instanceof OpResult.GetDataResult data) {
                            out.put(group.get(i), new ZNode(data.getData() == null ? new byte[0] : data.getData(),
                                    data.getStat().getVersion()));
                        } else if (result instanceof OpResult.ErrorResult error
                                && error.getErr() != KeeperException.Code.NONODE.intValue()) {
                            failure.compareAndSet(null, KeeperException.Code.get(error.getErr()));
                        }
                    }
                } finally {
                    answered.countDown();
                }
            }, null);
        }
        awaitAnswers(answered, groups);
        if (failure.get() != null) {
            throw KeeperException.create(failure.get());
        }
        return out;
    }

    /** @return the child names of each of {@code paths} that exists */
    Map<String, List<String>> children(Collection<String> paths) {
        return inParallel(paths, (path, callback) -> curator.getChildren().inBackground(callback).forPath(path),
                event -> List.copyOf(event.getChildren()));
    }

    private <T> Map<String, T> inParallel(Collection<String> paths, Request request, Function<CuratorEvent, T> result) {
        Map<String, T> out = new ConcurrentHashMap<>(Math.max(16, paths.size() * 2));
        CountDownLatch answered = new CountDownLatch(paths.size());
        AtomicReference<PersisterException> failure = new AtomicReference<>();
        for (String path : paths) {
            BackgroundCallback callback = (client, event) -> {
                try {
                    KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
                    if (code == KeeperException.Code.OK) {
                        out.put(path, result.apply(event));
                    } else if (code != KeeperException.Code.NONODE) {
                        failure.compareAndSet(null, KeeperFailures.translate(code, path, null));
                    }
                } finally {
                    answered.countDown();
                }
            };
            KeeperFailures.run(path, () -> {
                request.send(path, callback);
                return null;
            });
        }
        KeeperFailures.run(null, () -> {
            awaitAnswers(answered, paths.size());
            return null;
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }

    private void awaitAnswers(CountDownLatch answered, int requests) throws InterruptedException {
        if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new PersisterException(PersisterException.Reason.UNAVAILABLE, null, answered.getCount() + " of "
                    + requests + " ZooKeeper requests unanswered after " + timeout.toMillis() + " ms", null);
        }
    }
}
