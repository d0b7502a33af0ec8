package io.stratum.sdk.backend.local;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The backend's one thread: all its state changes and every listener call run here, one at a time,
 * which is what makes the backend's state need no locks and its events never concurrent. Work
 * submitted after shutdown is dropped; a task that throws is logged and the thread goes on.
 */
final class BackendThread implements Executor {
    private static final System.Logger LOG = System.getLogger(BackendThread.class.getName());

    private final ScheduledExecutorService executor;
    private final boolean owned;
    private volatile Thread thread;

    /** @param executor a single-threaded executor to use, or null for one of its own (a daemon thread) */
    BackendThread(ScheduledExecutorService executor) {
        this.owned = executor == null;
        this.executor = owned ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "stratum-local-backend");
            daemon.setDaemon(true);
            return daemon;
        }) : executor;
    }

    /** @return the executor, for timers of the process layer (their callbacks must be quick) */
    ScheduledExecutorService scheduler() {
        return executor;
    }

    @Override
    public void execute(Runnable work) {
        try {
            executor.execute(() -> run(work));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "backend thread is shut down; dropped " + work);
        }
    }

    /** Runs {@code work} every {@code period}, the first time after one period. */
    ScheduledFuture<?> every(Duration period, Runnable work) {
        return executor.scheduleWithFixedDelay(() -> run(work), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs {@code work} on the backend's thread and waits for its result.
     *
     * @throws IllegalStateException if called on the backend's thread, or the work fails or times out
     */
    <T> T call(Callable<T> work, Duration timeout) {
        if (isCurrent()) {
            throw new IllegalStateException("must not be called on the backend's thread (from the listener)");
        }
        Future<T> result;
        try {
            result = executor.submit(() -> {
                thread = Thread.currentThread();
                return work.call();
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the local backend is closed", e);
        }
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the local backend did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /**
     * Shuts the thread down if it is the backend's own, waiting a little for the work in hand
     * (unless called on the thread itself).
     */
    void shutdown() {
        if (owned) {
            executor.shutdownNow();
            if (isCurrent()) {
                return;
            }
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(Runnable work) {
        thread = Thread.currentThread();
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "the local backend failed", e);
            if (e instanceof Error error) {
                throw error;
            }
        }
    }
}
