package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.spec.ServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link ServiceScheduler} on one thread: backend events, API commands and a periodic tick
 * are queued and handled in order, so the scheduler itself needs no locking. A failing event is
 * logged and the loop goes on. Once closed (its scheduler stopped, or no longer leading) it handles
 * nothing more: queued and later events are dropped, commands refused.
 */
public final class SchedulerLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SchedulerLoop.class.getName());

    private final ServiceScheduler scheduler;
    private final ScheduledExecutorService thread;

    public SchedulerLoop(ServiceScheduler scheduler, Duration tickInterval) {
        this.scheduler = scheduler;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stratum-scheduler");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> run(scheduler::tick), tickInterval.toMillis(), tickInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts the scheduler on the loop thread with {@code spec}; waits until it has started. */
    public void start(ServiceSpec spec) throws Exception {
        call(() -> {
            scheduler.start(spec, new Forwarder());
            return null;
        });
    }

    /**
     * Runs {@code command} on the loop thread and returns its result (for API commands).
     *
     * @throws IllegalStateException if the loop is closed, or the scheduler did not answer within 60 s
     */
    public <T> T call(Callable<T> command) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(command.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the scheduler is stopped: it does not lead the service now", e);
        }
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the scheduler did not answer within 60 s", e);
        }
    }

    public ServiceScheduler scheduler() {
        return scheduler;
    }

    private void run(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "scheduler event failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues backend events onto the loop thread. */
    private final class Forwarder implements BackendListener {
        @Override
        public void registered(String frameworkId) {
            queue(() -> scheduler.onRegistered(frameworkId));
        }

        @Override
        public void offers(List<Offer> offers) {
            queue(() -> scheduler.onOffers(offers));
        }

        @Override
        public void rescinded(String offerId) {
            queue(() -> scheduler.onRescinded(offerId));
        }

        @Override
        public void statusUpdate(TaskStatusUpdate update) {
            queue(() -> scheduler.onStatus(update));
        }

        @Override
        public void agentLost(String agentId) {
            queue(() -> scheduler.onAgentLost(agentId));
        }

        /** Queues an event; one the closed loop refuses is dropped (a new term reconciles afresh). */
        private void queue(Runnable event) {
            try {
                thread.execute(() -> run(event));
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.DEBUG, "the scheduler is stopped: event dropped");
            }
        }
    }
}
