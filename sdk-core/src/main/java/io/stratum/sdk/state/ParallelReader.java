package io.stratum.sdk.state;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.BackgroundCallback;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.zookeeper.KeeperException;

/**
 * Reads many nodes at once: all requests are sent in the background and their answers collected,
 * so thousands of reads cost a few round trips rather than thousands. This is what makes loading
 * 10,000 tasks at scheduler start fast.
 *
 * <p>Paths are ZooKeeper paths (within the client's namespace). Missing nodes are simply absent
 * from the result; any other failure fails the whole read, as does no answer within the timeout.
 */
final class ParallelReader {

    /** A node's raw data (never null) and data version. */
    record ZNode(byte[] data, int version) {}

    @FunctionalInterface
    private interface Request {
        void send(String path, BackgroundCallback callback) throws Exception;
    }

    private final CuratorFramework curator;
    private final Duration timeout;

    ParallelReader(CuratorFramework curator, Duration timeout) {
        this.curator = curator;
        this.timeout = timeout;
    }

    /** @return data and version of each of {@code paths} that exists */
    Map<String, ZNode> read(Collection<String> paths) {
        return inParallel(paths, (path, callback) -> curator.getData().inBackground(callback).forPath(path),
                event -> new ZNode(event.getData() == null ? new byte[0] : event.getData(), event.getStat().getVersion()));
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
        boolean complete = KeeperFailures.run(null, () -> answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS));
        if (!complete) {
            throw new PersisterException(PersisterException.Reason.UNAVAILABLE, null, answered.getCount() + " of "
                    + paths.size() + " ZooKeeper reads unanswered after " + timeout.toMillis() + " ms", null);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }
}
