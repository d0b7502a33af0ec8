package io.stratum.sdk.internal.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

/**
 * Commits {@link TransactionPlan}s as single ZooKeeper transactions, keeping each under ZooKeeper's
 * request limit ({@code jute.maxbuffer}, 1 MB by default): values over {@link #INLINE_LIMIT} always
 * go to a {@link BlobStore} blob, and if the transaction is still too large its largest values
 * follow, until it fits. Blobs are written before the transaction; it commits only small pointers,
 * so a batch with large values stays atomic.
 *
 * <p>A transaction that fails because another writer got there first is planned again (a bounded
 * number of times, with a short random pause); its new blobs are deleted first. When the
 * connection is lost during a commit the outcome is unknown, so its blobs are left alone.
 *
 * <p>A writer {@linkplain #fencedBy fenced} by a node adds a {@code check} of that node to every
 * transaction: once the node is gone, each commit fails with
 * {@link PersisterException.Reason#FENCED} and applies nothing. A term of leadership writes
 * through a writer fenced by the lock node it won with, so a scheduler that stopped leading
 * without knowing it yet (paused past its session) cannot change the state its successor owns.
 */
final class TransactionWriter {
    static final int INLINE_LIMIT = 512 * 1024;
    static final int TRANSACTION_LIMIT = 768 * 1024;
    private static final int OP_OVERHEAD = 64;
    private static final int SMALLEST_WORTH_MOVING = 1024;
    private static final int ATTEMPTS = 8;

    private final CuratorFramework curator;
    private final BlobStore blobs;
    private final int namespaceLength;
    private final String fence;

    TransactionWriter(CuratorFramework curator, BlobStore blobs) {
        this(curator, blobs, null);
    }

    private TransactionWriter(CuratorFramework curator, BlobStore blobs, String fence) {
        this.curator = curator;
        this.blobs = blobs;
        this.namespaceLength = curator.getNamespace() == null ? 0 : curator.getNamespace().length() + 1;
        this.fence = fence;
    }

    /** @return a writer whose every transaction also checks that {@code node} (within the namespace) exists */
    TransactionWriter fencedBy(String node) {
        return new TransactionWriter(curator, blobs, Objects.requireNonNull(node, "node"));
    }

    /** Commits the plan {@code planner} makes, planning again after a lost race. */
    void commit(Supplier<TransactionPlan> planner) {
        for (int attempt = 1; ; attempt++) {
            TransactionPlan plan = planner.get();
            if (plan.changes().isEmpty() || tryCommit(plan.changes(), attempt)) {
                plan.releasedBlobs().forEach(blobs::deleteQuietly);
                return;
            }
        }
    }

    /**
     * Commits a plan of removals in as many transactions as it takes, in plan order (deepest nodes
     * first), so that every intermediate state is a valid tree.
     */
    void commitInSteps(Supplier<TransactionPlan> planner) {
        for (int attempt = 1; ; attempt++) {
            TransactionPlan plan = planner.get();
            boolean committed = true;
            for (List<TransactionPlan.Change> step : steps(plan.changes())) {
                if (!tryCommit(step, attempt)) {
                    committed = false;
                    break;
                }
            }
            if (committed) {
                plan.releasedBlobs().forEach(blobs::deleteQuietly);
                return;
            }
        }
    }

    private List<List<TransactionPlan.Change>> steps(List<TransactionPlan.Change> changes) {
        List<List<TransactionPlan.Change>> steps = new ArrayList<>();
        List<TransactionPlan.Change> step = new ArrayList<>();
        long size = 0;
        for (TransactionPlan.Change change : changes) {
            if (change instanceof TransactionPlan.Create || change instanceof TransactionPlan.Update u && u.value() != null) {
                throw new IllegalStateException("only removals are committed in steps");
            }
            long cost = overhead(change);
            if (!step.isEmpty() && size + cost > TRANSACTION_LIMIT) {
                steps.add(step);
                step = new ArrayList<>();
                size = 0;
            }
            step.add(change);
            size += cost;
        }
        if (!step.isEmpty()) {
            steps.add(step);
        }
        return steps;
    }

    /** @return true if committed, false if another writer interfered and the plan must be redone */
    private boolean tryCommit(List<TransactionPlan.Change> changes, int attempt) {
        Map<TransactionPlan.Change, Boolean> toBlob = chooseBlobs(changes);
        List<BlobRef> written = new ArrayList<>();
        try {
            List<CuratorOp> ops = new ArrayList<>(changes.size() + 1);
            if (fence != null) {
                ops.add(curator.transactionOp().check().forPath(fence));
            }
            for (TransactionPlan.Change change : changes) {
                ops.add(op(change, toBlob.containsKey(change), written));
            }
            curator.transaction().forOperations(ops);
            return true;
        } catch (Exception e) {
            PersisterException failure = fenced(e)
                    ? new PersisterException(PersisterException.Reason.FENCED, changes.get(0).path(), "not written: "
                            + "the leadership this write belongs to is over (" + fence + " is gone)", e)
                    : KeeperFailures.translate(e, changes.get(0).path());
            if (failure.reason() != PersisterException.Reason.UNAVAILABLE) {
                written.forEach(blobs::deleteQuietly);
            }
            if (failure.reason() == PersisterException.Reason.FENCED || !KeeperFailures.isConflict(e)) {
                throw failure;
            }
            if (attempt >= ATTEMPTS) {
                throw new PersisterException(PersisterException.Reason.CONFLICT, failure.path().orElse(null),
                        "gave up after " + ATTEMPTS + " attempts: other writers kept changing the same nodes", e);
            }
            pause(attempt);
            return false;
        }
    }

    /** @return whether {@code e} is the failure of the fence's check (the first operation) */
    private boolean fenced(Exception e) {
        if (fence == null || !(e instanceof KeeperException k) || k.getResults() == null || k.getResults().isEmpty()) {
            return false;
        }
        return k.getResults().get(0) instanceof OpResult.ErrorResult error
                && error.getErr() != KeeperException.Code.OK.intValue()
                && error.getErr() != KeeperException.Code.RUNTIMEINCONSISTENCY.intValue();
    }

    /** @return the changes whose value goes to a blob; throws TOO_LARGE if no choice fits */
    private Map<TransactionPlan.Change, Boolean> chooseBlobs(List<TransactionPlan.Change> changes) {
        Map<TransactionPlan.Change, Boolean> toBlob = new IdentityHashMap<>();
        long size = 0;
        List<TransactionPlan.Change> inline = new ArrayList<>();
        for (TransactionPlan.Change change : changes) {
            size += overhead(change);
            byte[] value = valueOf(change);
            if (value == null) {
                continue;
            }
            if (value.length > INLINE_LIMIT) {
                toBlob.put(change, true);
                size += 64;
            } else {
                inline.add(change);
                size += value.length + 1;
            }
        }
        inline.sort(Comparator.comparingInt((TransactionPlan.Change c) -> valueOf(c).length).reversed());
        for (TransactionPlan.Change change : inline) {
            if (size <= TRANSACTION_LIMIT || valueOf(change).length < SMALLEST_WORTH_MOVING) {
                break;
            }
            toBlob.put(change, true);
            size -= valueOf(change).length + 1 - 64;
        }
        if (size > TRANSACTION_LIMIT) {
            throw new PersisterException(PersisterException.Reason.TOO_LARGE, changes.get(0).path(), "a batch of "
                    + changes.size() + " node changes (about " + size / 1024 + " KiB) exceeds one ZooKeeper "
                    + "transaction (" + TRANSACTION_LIMIT / 1024 + " KiB); split it", null);
        }
        return toBlob;
    }

    private long overhead(TransactionPlan.Change change) {
        return OP_OVERHEAD + namespaceLength + CuratorPersister.zkPath(change.path()).length();
    }

    private CuratorOp op(TransactionPlan.Change change, boolean blob, List<BlobRef> written) throws Exception {
        String zkPath = CuratorPersister.zkPath(change.path());
        if (change instanceof TransactionPlan.Remove r) {
            return curator.transactionOp().delete().withVersion(r.version()).forPath(zkPath);
        }
        byte[] data = data(change.path(), valueOf(change), blob, written);
        if (change instanceof TransactionPlan.Update u) {
            return curator.transactionOp().setData().withVersion(u.version()).forPath(zkPath, data);
        }
        return curator.transactionOp().create().withMode(CreateMode.PERSISTENT).forPath(zkPath, data);
    }

    private byte[] data(String path, byte[] value, boolean blob, List<BlobRef> written) {
        if (value == null) {
            return new byte[0];
        }
        if (!blob) {
            return StoredValue.inline(value);
        }
        BlobRef ref = blobs.write(value, path);
        written.add(ref);
        return StoredValue.chunked(ref);
    }

    private static byte[] valueOf(TransactionPlan.Change change) {
        if (change instanceof TransactionPlan.Create c) {
            return c.value();
        }
        return change instanceof TransactionPlan.Update u ? u.value() : null;
    }

    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            throw KeeperFailures.translate(e, null);
        }
    }
}
