package io.stratum.sdk.internal.check;

import io.stratum.sdk.internal.check.CheckResult.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running check: probe after the delay, judge, report, wait the interval, probe again, until
 * a final verdict or {@link #close()}.
 *
 * <p>Every state change happens under this object's lock, and results are delivered under it too:
 * that is what guarantees no result after {@code close()} returns. The listener may call
 * {@code close()} (the lock is reentrant) but must not wait for another thread that does.
 */
final class CheckLoop implements RunningCheck {
    private static final System.Logger LOG = System.getLogger(CheckLoop.class.getName());

    private final CheckKind kind;
    private final Probe probe;
    private final CheckTiming timing;
    private final CheckPolicy policy;
    private final CheckContext context;
    private final CheckListener listener;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final Consumer<CheckLoop> onDone;
    private ScheduledFuture<?> next;
    private CompletableFuture<ProbeOutcome> attempt;
    private boolean done;

    /**
     * @param scheduler where attempts are timed and results delivered
     * @param clock     the time of results and of the grace period
     * @param onDone    told once the loop has stopped (a final verdict or {@link #close()})
     */
    CheckLoop(Check check, CheckListener listener, ScheduledExecutorService scheduler, InstantSource clock,
            Consumer<CheckLoop> onDone) {
        this.kind = check.kind();
        this.probe = check.probe();
        this.timing = check.timing();
        this.context = check.context();
        this.policy = CheckPolicy.of(kind, timing, context.taskStarted());
        this.listener = listener;
        this.scheduler = scheduler;
        this.clock = clock;
        this.onDone = onDone;
    }

    synchronized void start() {
        schedule(timing.delay());
    }

    @Override
    public CheckKind kind() {
        return kind;
    }

    @Override
    public synchronized boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        CompletableFuture<ProbeOutcome> inFlight;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            if (next != null) {
                next.cancel(false);
            }
            inFlight = attempt;
            attempt = null;
        }
        if (inFlight != null) {
            inFlight.complete(ProbeOutcome.failed("check stopped")); // kills a command's process group
        }
        onDone.accept(this);
    }

    private void schedule(Duration after) {
        try {
            next = scheduler.schedule(this::probe, after.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            done = true; // the scheduler is shutting down
        }
    }

    private synchronized void probe() {
        if (done) {
            return;
        }
        CompletableFuture<ProbeOutcome> current;
        try {
            current = probe.start();
        } catch (RuntimeException e) {
            current = CompletableFuture.completedFuture(ProbeOutcome.failed(ProbeOutcome.describe(e)));
        }
        attempt = current;
        CompletableFuture<ProbeOutcome> started = current;
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> started.complete(ProbeOutcome.failed("timed out after " + seconds(timing.timeout()))),
                timing.timeout().toNanos(), TimeUnit.NANOSECONDS);
        current.whenCompleteAsync((outcome, error) -> {
            timer.cancel(false);
            finish(started, error == null ? outcome : ProbeOutcome.failed(ProbeOutcome.describe(error)));
        }, scheduler);
    }

    private synchronized void finish(CompletableFuture<ProbeOutcome> which, ProbeOutcome outcome) {
        if (done || which != attempt) {
            return;
        }
        attempt = null;
        Instant now = clock.instant();
        Verdict verdict = policy.judge(outcome.passed(), now);
        CheckResult result = new CheckResult(context.taskId(), kind, verdict, policy.consecutiveFailures(),
                outcome.output(), now);
        done = result.isFinal();
        try {
            listener.onResult(result);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "check listener failed on " + result, e);
        }
        if (result.isFinal()) {
            onDone.accept(this);
        } else if (!done) {
            schedule(timing.interval());
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
